"""Reading the Content-Security-Policy header, and what it would block in a page."""

from bs4 import BeautifulSoup


def what_the_policy_would_block(html: str) -> list[str]:
    """Inline scripts, ``on…=`` handlers and ``javascript:`` URLs in ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        f"inline <script>: {script.get_text()[:60]!r}"
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/json"
    ]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}=…>")
            if name in ("href", "src", "action") and str(
                value
            ).strip().lower().startswith("javascript:"):
                found.append(f"<{element.name} {name}={value!r}>")
    return found


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    pairs = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(pairs)


def assert_strict(response, url):
    assert response.status_code < 500, url
    policy = directives(response)
    assert policy["script-src"] == "'self'", (url, policy)
    assert policy["object-src"] == "'none'", url
    assert policy["base-uri"] == "'self'", url
    assert policy["frame-ancestors"] == "'self'", url
    if "text/html" in response.get("Content-Type", ""):
        assert what_the_policy_would_block(response.content.decode()) == [], url
