"""Phrases of the ``dockbot`` command itself: the ``slash`` preview, the chat prompt's own
words, and what ``dockbot kb import`` prints around the draft (data only).
"""

from __future__ import annotations

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

CLI: Phrases = {
    "slash.help.title": {"en": "How to use /docker", "ko": "/docker 사용법"},
    "slash.help.body": {
        "en": "  /docker <question>          ask how to do something, e.g. /docker run a "
        "container in the background\n"
        "  /docker explain <command>   a flag-by-flag explanation, e.g. /docker explain docker "
        "run -dp 80:80 nginx\n"
        "  /docker learn [N]           lesson N of the onboarding course, with answer buttons\n"
        "  /docker docker ...          a pasted command is explained too\n"
        "  @dockbot <question>, a DM   answered in the thread\n"
        "Answers are shown only to you; Share to channel posts one for everyone.",
        "ko": "  /docker <질문>              Docker 사용법을 물어보세요. 예: /docker 컨테이너 "
        "백그라운드 실행\n"
        "  /docker explain <명령어>    명령어를 플래그별로 풀이해요. 예: /docker explain docker "
        "run -dp 80:80 nginx\n"
        "  /docker 배우기 [번호]       온보딩 코스의 수업 (답은 버튼으로)\n"
        "  /docker docker ...          명령어를 그대로 붙여 넣어도 풀이해요\n"
        "  @dockbot 질문, DM           스레드로 답해요\n"
        "답변은 나에게만 보여요. 채널에 공유 버튼으로 모두에게 공유할 수 있어요.",
    },
    "chat.interrupted": {"en": "interrupted", "ko": "중단했어요"},
    "interrupted": {"en": "dockbot: interrupted", "ko": "dockbot: 중단했어요"},
    "kb.warning": {"en": "dockbot: warning: {text}", "ko": "dockbot: 경고: {text}"},
    "kb.wrote": {
        "en": "wrote {n} draft entries to {path}; review them, then run `dockbot kb check`",
        "ko": "초안 항목 {n}개를 {path}에 썼어요. 검토한 다음 `dockbot kb check`를 실행하세요",
    },
    "kb.usage": {
        "en": "usage: dockbot kb {check,import,export,gaps} ...",
        "ko": "사용법: dockbot kb {check,import,export,gaps} ...",
    },
}
