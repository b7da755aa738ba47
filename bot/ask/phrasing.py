"""What people wrap around a question, taken off before matching.

Real questions arrive as blog titles (``[Docker] 컨테이너 로그 보기``, ``5장. 도커 볼륨``),
forum titles with a site name (``... - Stack Overflow``), numbered notes (``9. docker ps``)
or a pasted error message with the question around it (``Error response from daemon:``
starts every error the engine sends back, and says nothing of which). None of those decorations says
what is being asked, and every one of them dilutes the match, so :func:`focus` removes
them. Pure: no I/O.
"""

from __future__ import annotations

import re

_LEADING = re.compile(
    r"""^\s*(?:
        [\[【(<]\s*[^\]】)>]{1,30}?\s*[\]】)>]     # [Docker], 【도커】, (질문), <TIL>
      | \#{1,6}(?=\s)                               # markdown heading marks
      | \d{1,3}\s*(?:장|편|강|부|회|일차)\s*[.:)\-]?  # 5장. 3편 2일차
      | \d{1,3}\s*[.)]\s*(?=\D)                      # 9. / 9)
      | (?:Q|질문|TIL|Re|RE)\s*[.:)\]]              # Q. 질문:
      | (?:docker:\s*)?(?:error\s+response\s+from\s+daemon|error)\s*:  # a pasted error's prefix
    )\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_TRAILING = re.compile(
    r"""\s*(?:[-|:–—·]\s*)(?:
        stack\s*overflow|super\s*user|server\s*fault|ask\s*ubuntu|reddit|r/docker
      | docker\s+(?:community\s+)?forums?|github|velog|tistory|티스토리|medium|brunch
      | 네이버\s*블로그|naver\s*blog|블로그|wikidocs|okky|inflearn|인프런
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_CLAUSE = re.compile(
    r"""[.!?;:\n]+(?=\s|$)|,\s+|\s+(?:and|but|so|because|then|while|when|although)\s+
      |\s+(?=(?:how\s+(?:do|can|should|would)\s+i|how\s+to|is\s+there\s+a\s+way)\b)
      |(?:는데|지만|해서|하고|인데|한데|니까|면서)\s+""",
    re.VERBOSE | re.IGNORECASE,
)
LONG_QUESTION_WORDS = 12


def focus(question: str) -> str:
    """The question without blog/forum decorations; the original when nothing is left."""
    text = question
    for _ in range(3):  # "[Docker] 5장. ..." has several
        stripped = _LEADING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _TRAILING.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) >= 2 else question


def clauses(question: str) -> list[str]:
    """The clauses of a long question (a preamble, the question, a pasted error), each
    of at least three words; empty for a question of LONG_QUESTION_WORDS words or fewer,
    which is matched whole."""
    if len(question.split()) <= LONG_QUESTION_WORDS:
        return []
    parts = (p.strip(" \t\"'`()[]") for p in _CLAUSE.split(question))
    return [p for p in parts if p and len(p.split()) >= 3 and p != question]
