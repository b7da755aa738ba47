"""Shell words around and inside a docker command: substitutions, continuations, here-strings,
operators and redirections are read as a POSIX shell reads them."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.model import Explanation, Part
from bot.explain.shell import clean_input, split_substitutions, tokenize
from bot.lang import Lang


def part(expl: Explanation, text: str, role: str | None = None) -> Part:
    found = [p for p in expl.parts if p.text == text and (role is None or p.role == role)]
    assert found, f"no part {text!r} ({role}) in {[(p.text, p.role) for p in expl.parts]}"
    return found[0]


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("$(id -u):$(id -g)", ["$(id -u)", ":", "$(id -g)"]),
        ("$(id -u)", ["$(id -u)"]),
        ("app:$(git rev-parse --short HEAD)", ["app:", "$(git rev-parse --short HEAD)"]),
        ("`pwd`/data", ["`pwd`", "/data"]),
        ("$(echo $(date))x", ["$(echo $(date))", "x"]),
        ("$(open", ["$(open"]),
        ("plain", ["plain"]),
    ],
)
def test_split_substitutions_cuts_a_word_into_its_pieces(word: str, pieces: list[str]) -> None:
    assert split_substitutions(word) == pieces


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["2 command substitutions", "$(id -u) → your numeric user ID (`id -u`)",
                "$(id -g) → your numeric group ID (`id -g`)", "':' as written", "not run as root"]),
        ("ko", ["명령 치환 2개", "$(id -u) → 내 사용자 ID(숫자)(`id -u`)",
                "$(id -g) → 내 그룹 ID(숫자)(`id -g`)", "root가 아닌"]),
    ],
)  # fmt: skip
def test_two_substitutions_in_one_value_are_two(lang: Lang, expected: list[str]) -> None:
    expl = explain("docker run -u $(id -u):$(id -g) alpine id", lang)
    flag = part(expl, "-u", "flag")
    assert flag.value == "$(id -u):$(id -g)"
    value = part(expl, "$(id -u):$(id -g)", "flag-value")
    for text in expected:
        assert text in value.meaning
    assert "id -u):$(id -g" not in value.meaning
    assert part(expl, "alpine").role == "image"
    assert part(expl, "id").role == "command"


def test_a_substitution_inside_a_structured_value_keeps_the_structure() -> None:
    volume = part(explain('docker run -v "$(pwd)":/src alpine ls', "en"), '"$(pwd)":/src')
    assert "host folder $(pwd) → /src" in volume.meaning
    assert "current directory" in volume.meaning
    tag = part(explain("docker build -t app:$(git rev-parse --short HEAD) .", "en"), "-t")
    assert tag.value == "app:$(git rev-parse --short HEAD)"
    tag_value = part(
        explain("docker build -t app:$(git rev-parse --short HEAD) .", "en"),
        "app:$(git rev-parse --short HEAD)",
    )
    assert "name given to the new image" in tag_value.meaning
    assert "the current Git commit (short)" in tag_value.meaning


@pytest.mark.parametrize(
    "text",
    [
        "docker run -d \\",
        "docker run -d \\  ",
        "docker run -d\\",
    ],
)
def test_a_trailing_backslash_is_a_continuation_not_a_word(text: str) -> None:
    expl = explain(text, "en")
    assert [(p.text, p.role) for p in expl.parts] == [
        ("docker", "docker"),
        ("run", "subcommand"),
        ("-d", "flag"),
    ]
    assert expl.command == "docker run -d"


def test_continuations_with_spaces_after_the_backslash_join_the_lines() -> None:
    text = "docker run -d \\ \n  -p 80:80 \\\t\n  nginx \\"
    assert clean_input(text, "en") == "docker run -d -p 80:80 nginx"
    expl = explain(text, "en")
    assert part(expl, "nginx").role == "image"
    assert part(expl, "80:80").role == "flag-value"


def test_an_escaped_backslash_at_the_end_stays() -> None:
    assert clean_input("docker run alpine echo a\\\\", "en").endswith("a\\\\")


@pytest.mark.parametrize(
    ("command", "raw", "lang", "expected"),
    [
        ("docker exec -i web sh <<< 'a b'", "<<< 'a b'", "en", "here-string: the text 'a b'"),
        ("docker exec -i web sh <<< 'a b'", "<<< 'a b'", "ko", "히어 스트링: 텍스트 'a b'"),
        ('docker exec -i db psql <<<"select 1;"', '<<<"select 1;"', "en", "'select 1;'"),
        ("docker logs web 2>&1", "2>&1", "en", "error output (stderr) to the same place as the standard output"),
        ("docker logs web 2>/dev/null", "2>/dev/null", "en", "throw the error output (stderr) away"),
        ("docker logs web >> 'my log.txt'", ">> 'my log.txt'", "en", "append the output to my log.txt"),
        ("docker ps > out.txt", "> out.txt", "ko", "출력을 out.txt에 씀"),
        ("docker load < app.tar", "< app.tar", "en", "read the standard input from app.tar"),
    ],
)  # fmt: skip
def test_redirections_and_here_strings(command: str, raw: str, lang: Lang, expected: str) -> None:
    expl = explain(command, lang)
    redirect = part(expl, raw)
    assert redirect.role == "shell"
    assert expected in redirect.meaning


def test_a_here_string_target_is_one_word_with_its_quotes_removed() -> None:
    toks = tokenize("docker exec -i web sh <<< 'a b' && echo done", "en")
    assert [(t.kind, t.raw, t.value) for t in toks] == [
        ("word", "docker", "docker"),
        ("word", "exec", "exec"),
        ("word", "-i", "-i"),
        ("word", "web", "web"),
        ("word", "sh", "sh"),
        ("redir", "<<< 'a b'", "a b"),
        ("op", "&&", "&&"),
        ("word", "echo", "echo"),
        ("word", "done", "done"),
    ]


@pytest.mark.parametrize(
    ("op", "lang", "expected"),
    [
        ("&&", "en", "run the next command only if this one succeeded"),
        ("||", "en", "only if this one failed"),
        ("|", "ko", "파이프"),
        (";", "en", "then run the next command"),
    ],
)
def test_shell_operators_are_shell_not_arguments(op: str, lang: Lang, expected: str) -> None:
    expl = explain(f"docker build -t myapp:1.0 . {op} docker run myapp:1.0", lang)
    operator = part(expl, op)
    assert operator.role == "shell"
    assert expected in operator.meaning
    assert ("docker" if lang == "en" else "docker에") in operator.meaning
    assert [p.role for p in expl.parts].count("argument") == 1  # only the build context "."


@pytest.mark.parametrize(
    ("command", "raw", "delimiter"),
    [
        ("docker exec -i db psql -U app <<EOF\nselect 1;\nEOF\ndocker ps", "<<EOF", "EOF"),
        ("docker exec -i db sh <<-'END'\n\techo $HOME; ls\n\tEND\ndocker ps", "<<-'END'", "END"),
        ('docker exec -i db sh << "X"\nit\'s "odd\nX\ndocker ps', '<< "X"', "X"),
    ],
)
def test_a_here_document_body_is_input_not_commands(
    command: str, raw: str, delimiter: str
) -> None:
    expl = explain(command, "en")
    texts = [p.text for p in expl.parts]
    assert texts[-3:] == [";", "docker", "ps"]  # the command after the body is read again
    doc = part(expl, raw)
    assert doc.role == "shell"
    assert f"up to a line {delimiter}, become the standard input" in doc.meaning
    assert not any("another program" in p.meaning for p in expl.parts)


def test_an_unclosed_here_document_takes_the_rest_as_its_body() -> None:
    expl = explain("docker exec -i db psql <<EOF\nselect 'a;\n", "en")
    assert [p.text for p in expl.parts][-1] == "<<EOF"


@pytest.mark.parametrize(
    ("command", "raw", "expected"),
    [
        ("docker logs -f web &> all.log", "&> all.log",
         "write the output and the error output to all.log"),
        ("docker logs -f web &>> all.log & docker ps", "&>> all.log",
         "append the output and the error output to all.log"),
        ("docker logs web&>x", "&>x", "the output and the error output to x"),
    ],
)  # fmt: skip
def test_both_outputs_redirect_is_not_background(command: str, raw: str, expected: str) -> None:
    expl = explain(command, "en")
    redirect = part(expl, raw)
    assert redirect.role == "shell" and expected in redirect.meaning
    assert part(expl, "web").role == "container"


@pytest.mark.parametrize("text", ["&>", "docker ps &>", ">&", "docker ps <", "a&>&b", "&&&>|"])
def test_odd_operator_runs_end(text: str) -> None:
    toks = tokenize(text, "en")
    assert "".join(t.raw for t in toks).replace(" ", "") == text.replace(" ", "")
