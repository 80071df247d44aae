"""Foundation figures: how fast the public shell answers a phone."""

from django.test import Client

from bench.harness import benchmark, median_ms


@benchmark("home_page_anonymous", unit="ms", target=50)
def home_page_anonymous() -> float:
    client = Client()
    return median_ms(lambda: client.get("/"))


@benchmark("home_page_logged_in", unit="ms", target=60)
def home_page_logged_in() -> float:
    client = Client()
    client.login(username="peserta", password="demo12345")
    return median_ms(lambda: client.get("/"))


@benchmark("login_by_phone", unit="ms", target=100)
def login_by_phone() -> float:
    """A full login POST with the phone number, as participants log in.

    Mostly the Argon2id hash (19 MiB, two passes; docs/deployment.md): the cost
    of storing passwords properly, paid once per participant per event. The
    CPU figure beside it is ``cpu_ms_login`` (bench/request_cpu.py).
    """

    def log_in():
        Client().post(
            "/akun/masuk/", {"username": "0812-3456-7801", "password": "demo12345"}
        )

    return median_ms(log_in, repeat=20)
