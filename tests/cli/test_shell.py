"""The installed shell: --help lists the contract's commands, --version, imports from anywhere."""

import subprocess
import sys

import kbgraph

#: The command line of ../shared/DESIGN.md (a contract outside checks call exactly).
DESIGN_COMMANDS = ["demo", "build", "query", "queries", "viz", "export", "check", "serve", "stats"]


def _run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": subprocess.os.environ["PATH"], "COLUMNS": "120",
                               "NO_COLOR": "1", "HOME": str(cwd)})


def test_help_lists_every_command_of_the_design(tmp_path):
    done = _run(sys.executable, "-m", "kbgraph", "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = {line.split()[1] for line in done.stdout.splitlines()
              if line.startswith("│ ") and len(line.split()) > 1}
    assert set(DESIGN_COMMANDS) | {"evaluate"} <= listed


def test_every_command_has_help(tmp_path):
    for command in [*DESIGN_COMMANDS, "evaluate"]:
        done = _run(sys.executable, "-m", "kbgraph", command, "--help", cwd=tmp_path)
        assert done.returncode == 0 and "Usage: kbgraph " + command in done.stdout, command


def test_version_and_usage_errors(tmp_path):
    done = _run(sys.executable, "-m", "kbgraph", "--version", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"kbgraph {kbgraph.__version__}\n")
    done = _run(sys.executable, "-m", "kbgraph", "viz", "--size-by", "nonsense", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_layers_import_from_outside_the_repository(tmp_path):
    code = "import kbgraph.ontology, kbgraph.graph, kbgraph.loaders, kbgraph.queries; import graph"
    done = _run(sys.executable, "-c", code, cwd=tmp_path)
    # the layers import; no bare top-level module called "graph" is installed
    assert "ModuleNotFoundError: No module named 'graph'" in done.stderr
    done = _run(sys.executable, "-c", code.rsplit(";", 1)[0], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
