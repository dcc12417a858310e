# Sourced (as root, on a fresh Debian machine) by .ci/run before the tests: what the browser
# tests (tests/test_browser.py) need. Idempotent and quick when everything is already there.
# Uses Debian's chromium; never `playwright install` (no browser downloads).

_tp_browser_deps() {
    local py="${PYTHON:-python3}"
    if ! command -v chromium >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq || return 1
        # fonts so that screenshots show text; chromium pulls in its own libraries
        apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null || return 1
    fi
    # fastapi, uvicorn and python-multipart are ordinary dependencies of the package
    if ! "$py" -c "import playwright, httpx" >/dev/null 2>&1; then
        "$py" -m pip install -q "playwright>=1.44" "httpx>=0.27" || return 1
    fi
    export CHROMIUM="$(command -v chromium)"
    mkdir -p tests/artifacts
}
_tp_browser_deps
