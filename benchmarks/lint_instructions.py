"""Instructions per ad of the vacancy lint, counted by valgrind's callgrind.

Usage: python benchmarks/lint_instructions.py [N]

Wall time on a shared machine varies by 10-30% between runs; an instruction count does
not. The script runs itself under ``valgrind --tool=callgrind`` with instrumentation off,
lints 50 other ads of ``lint_bench.py`` to fill the caches and compile the rules, switches
instrumentation on (``callgrind_control``) for N ads (default 200) and prints the
instructions per ad. The hash seed is fixed, as set and dict order change the count by about
1%. Needs valgrind (exit 2 without it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = "TALENTFIT_LINT_INSTRUCTIONS_CHILD"
_WARM = 50


def _child(n: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from lint_bench import generate

    from talentfit.lint import lint_vacancy

    ads = generate(n + _WARM)
    for lang, text in ads[n:]:
        lint_vacancy(text, lang=lang)
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=True)
    for lang, text in ads[:n]:
        lint_vacancy(text, lang=lang)
    subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=True)
    os._exit(0)  # the interpreter's teardown is not counted either


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 200
    if os.environ.get(_CHILD):
        _child(n)
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        print("lint_instructions: valgrind (callgrind) is not installed", file=sys.stderr)
        return 2
    env = {**os.environ, _CHILD: "1", "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={tmp}/callgrind.out",
            sys.executable,
            __file__,
            str(n),
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None or int(found.group(1)) == 0:
        print(f"lint_instructions: callgrind run failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return 1
    per_ad = int(found.group(1)) / n
    print(f"{n} ads of lint_bench.py, language given, caches warm")
    print(f"{per_ad / 1e6:.3f} M instructions per ad")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
