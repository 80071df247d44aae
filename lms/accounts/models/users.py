from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.accounts.phone import PhoneNumberField, normalize_phone
from lms.core.reference import (
    KELURAHAN_BY_KECAMATAN,
    KELURAHAN_CHOICES,
    InstitutionType,
    Kecamatan,
)

_rt_rw_validator = RegexValidator(
    r"^[0-9]{1,3}\Z", _("Enter the number only, e.g. 5 or 005."), code="invalid_rt_rw"
)


class LmsUserManager(UserManager):
    """Finds an account by username or by phone number, as login does."""

    def get_by_login(self, login: str) -> "User":
        phone = normalize_phone(login)
        if phone is not None:
            match = self.filter(phone=phone).first()
            if match is not None:
                return match
        return self.get(username=login)


class User(AbstractUser):
    """Everyone who signs in: participants, speakers, organisers and admins.

    A participant's profile is what a certificate and the accountability report
    need: one full name (Indonesian names do not split into first and last),
    a phone number they can log in with, and where they serve (institution,
    position, RT/RW, kelurahan, kecamatan). Speakers and organisers belong to
    an organisation.
    """

    # One name field: it is printed on certificates exactly as typed.
    # (``first_name`` is a read-only property below.)
    last_name = None

    full_name = models.CharField(_("full name"), max_length=150)
    phone = PhoneNumberField(
        _("phone number"),
        unique=True,
        null=True,
        blank=True,
        help_text=_("Can be used to log in instead of the username."),
    )
    email = models.EmailField(_("email address"), blank=True)
    institution_type = models.CharField(
        _("institution"), max_length=20, choices=InstitutionType.choices, blank=True
    )
    position = models.CharField(
        _("position"), max_length=150, blank=True, help_text=_("e.g. Ketua RT 005")
    )
    rt = models.CharField("RT", max_length=3, blank=True, validators=[_rt_rw_validator])
    rw = models.CharField("RW", max_length=3, blank=True, validators=[_rt_rw_validator])
    kecamatan = models.CharField(
        _("kecamatan"), max_length=20, choices=Kecamatan.choices, blank=True
    )
    kelurahan = models.CharField(
        _("kelurahan"), max_length=60, choices=KELURAHAN_CHOICES, blank=True
    )
    organisation = models.ForeignKey(
        "lms.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_("For speakers and organisers: the institution they work for."),
    )

    must_change_password = models.BooleanField(
        _("must choose a new password"),
        default=False,
        help_text=_("Set for accounts given a one-time password on a login slip."),
    )

    objects = LmsUserManager()

    REQUIRED_FIELDS = ["full_name"]

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.username

    def clean(self):
        """Normalises what is typed many ways and reports every problem at once."""
        super().clean()
        # Empty phones are NULL so that uniqueness ignores them.
        self.phone = self.phone or None
        # Store RT/RW the way they are written on letters: three digits.
        self.rt = self.rt.zfill(3) if self.rt else ""
        self.rw = self.rw.zfill(3) if self.rw else ""
        errors = {}
        if normalize_phone(self.username) is not None:
            # Login tries phone numbers first; such a username could never log in.
            errors["username"] = _(
                "A username cannot be a phone number. Put the number in the phone field."
            )
        if self.kelurahan and self.kecamatan and not self._kelurahan_in_kecamatan():
            errors["kelurahan"] = _(
                "%(kelurahan)s is not a kelurahan of Kecamatan %(kecamatan)s."
            ) % {"kelurahan": self.kelurahan, "kecamatan": self.get_kecamatan_display()}
        if errors:
            raise ValidationError(errors)

    def _kelurahan_in_kecamatan(self) -> bool:
        return self.kelurahan in KELURAHAN_BY_KECAMATAN.get(self.kecamatan, ())

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.username

    @property
    def first_name(self) -> str:
        """Wagtail's admin greets people by ``first_name``; ours is derived."""
        return self.get_short_name()
