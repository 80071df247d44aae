"""Usernames for accounts people did not name themselves (self-registration, imports).

Participants log in with their phone number; the username is the fallback
printed on login slips, so it is short, lower-case ASCII, and read from the
name: "Siti Nur'aini" becomes ``siti.nuraini``, then ``siti.nuraini2`` if taken.
"""

import re
import unicodedata

from lms.accounts.models import User

MAX_BASE_LENGTH = 24


def username_base(full_name: str) -> str:
    """The name as lower-case ASCII words joined by dots, or "peserta" if nothing is left."""
    ascii_name = (
        unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode()
    )
    words = re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", ""))
    # Whole words while they fit; a first word that is too long alone is cut.
    base = words[0][:MAX_BASE_LENGTH] if words else ""
    for word in words[1:]:
        if len(base) + 1 + len(word) > MAX_BASE_LENGTH:
            break
        base = f"{base}.{word}"
    # A base of digits only could read as a phone number, which login tries first.
    return base if re.search(r"[a-z]", base) else f"peserta.{base}".rstrip(".")


def unique_usernames(full_names: list[str]) -> list[str]:
    """A free username for each name, distinct from each other and from every account.

    One query for all names, so an import of thousands stays fast.
    """
    bases = [username_base(name) for name in full_names]
    taken = (
        {
            name.lower()
            for name in User.objects.filter(
                username__iregex=r"^("
                + "|".join(map(re.escape, set(bases)))
                + r")[0-9]*$"
            ).values_list("username", flat=True)
        }
        if bases
        else set()
    )
    chosen = []
    for base in bases:
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}{number}"
        taken.add(candidate)
        chosen.append(candidate)
    return chosen
