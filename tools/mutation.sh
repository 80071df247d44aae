#!/usr/bin/env bash
# Mutation testing of the pure modules with mutmut (docs/quality.md).
#
# Not part of `make test`: a full run takes the better part of an hour on two
# cores. mutmut rewrites the files it mutates, so it works on a copy of the
# tree outside the project, with its own virtualenv; nothing here touches the
# project's .venv or its requirements.
#
#   tools/mutation.sh                        # every module, then the summary
#   tools/mutation.sh "quizzes.paper*"       # only the mutants whose names match
#   MUTATION_JOBS=2 tools/mutation.sh        # more workers (default 1)
#
# Afterwards `cd $MUTATION_DIR/tree && $MUTATION_DIR/venv/bin/mutmut show NAME`
# shows one mutant's diff, and `mutmut results` lists the survivors.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${MUTATION_DIR:-/tmp/sikap-mutation}
JOBS=${MUTATION_JOBS:-1}
VENV=$WORK/venv
TREE=$WORK/tree

# The modules whose rules are pure functions, and the unit tests that state them.
MUTATE=(
    "quizzes/grading/*.py"
    quizzes/paper.py
    lms/events/completion.py
    lms/certificates/numbering.py
    quizzes/qbank/aiken.py
    quizzes/qbank/gift.py
    quizzes/qbank/moodle_xml.py
    quizzes/qbank/common.py
    quizzes/qbank/decoding.py
    quizzes/qbank/text.py
    quizzes/qbank/unsupported.py
)
TESTS=(
    tests/quizzes/test_grading.py
    tests/quizzes/test_paper.py
    tests/quizzes/test_paper_order.py
    tests/lms/events/test_completion.py
    tests/lms/certificates/test_numbering.py
    tests/quizzes/qbank/test_aiken.py
    tests/quizzes/qbank/test_gift.py
    tests/quizzes/qbank/test_gift_numeric.py
    tests/quizzes/qbank/test_moodle_xml.py
    tests/quizzes/qbank/test_decoding.py
    tests/quizzes/qbank/test_unsupported.py
    tests/quizzes/qbank/test_shared_files.py
    tests/quizzes/qbank/test_injection.py
)
# Left out: tests/quizzes/qbank/test_fuzz.py. It only asks that the parsers never
# crash, on hundreds of generated files, and would cost 8 s for each mutant.

if [ ! -x "$VENV/bin/mutmut" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet -r "$ROOT/requirements-dev.txt" "mutmut>=3.8,<4"
fi

# A fresh copy each time: mutmut's results belong to the sources they came from.
rm -rf "$TREE"
mkdir -p "$TREE"
rsync -a --exclude .venv --exclude .git --exclude __pycache__ --exclude .pytest_cache \
    --exclude .hypothesis --exclude media --exclude private --exclude '*.sqlite3' \
    "$ROOT/" "$TREE/"

# mutmut imports the tests from its mutants/ copy, so the whole project goes
# there (source_paths); only the files in only_mutate are mutated. Unit tests
# only: the few database tests in these files are left out ("not django_db").
{
    echo "[mutmut]"
    echo "source_paths ="
    printf '    %s\n' quizzes lms home
    echo "only_mutate ="
    printf '    %s\n' "${MUTATE[@]}"
    echo "also_copy ="
    printf '    %s\n' manage.py pytest.ini static
    echo "pytest_add_cli_args ="
    printf '    %s\n' -p no:cacheprovider -m "not django_db"
    echo "pytest_add_cli_args_test_selection ="
    printf '    %s\n' "${TESTS[@]}"
} > "$TREE/setup.cfg"

cd "$TREE"
DJANGO_SETTINGS_MODULE=lms.settings.test "$VENV/bin/mutmut" run --max-children "$JOBS" "$@"
"$VENV/bin/mutmut" results
