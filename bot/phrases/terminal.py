"""Terminal phrases: answers, explanations and their part names, the chat and ask prompts
(data only)."""

from __future__ import annotations

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

TERMINAL: Phrases = {
    "related": {"ko": "관련", "en": "Related"},
    "unsure": {
        "ko": "잘 모르겠어요. 이런 질문은 어때요:",
        "en": "I'm not sure what you mean. Did you mean one of these?",
    },
    "nothing": {
        "ko": "잘 모르겠어요. Docker 명령어나 개념을 물어봐 주세요. 이런 질문은 어때요:",
        "en": "I don't know that one. Ask about a Docker command or concept, for example:",
    },
    "also": {"ko": "다른 답변", "en": "Other answers"},
}

EXPLAIN_ROLES: Phrases = {
    "docker": {"en": "program", "ko": "프로그램"},
    "global-flag": {"en": "global option", "ko": "전역 옵션"},
    "subcommand": {"en": "sub-command", "ko": "하위 명령"},
    "flag": {"en": "flag", "ko": "플래그"},
    "flag-value": {"en": "value", "ko": "값"},
    "image": {"en": "image", "ko": "이미지"},
    "container": {"en": "container", "ko": "컨테이너"},
    "argument": {"en": "argument", "ko": "인자"},
    "command": {"en": "container command", "ko": "컨테이너 명령"},
    "separator": {"en": "separator", "ko": "구분자"},
    "shell": {"en": "shell", "ko": "셸"},
}

EXPLAIN: Phrases = {
    "risks": {"en": "Risks", "ko": "주의할 점"},
    "safer": {"en": "Safer", "ko": "더 안전하게"},
    "danger": {"en": "DANGER", "ko": "위험"},
    "warn": {"en": "WARNING", "ko": "주의"},
    "did_you_mean": {"en": "Did you mean", "ko": "이렇게 쓰려던 건가요"},
    "no_risks": {"en": "No risky flags found.", "ko": "위험한 플래그는 없습니다."},
}

CHAT: Phrases = {
    "greeting": {
        "en": "dockbot chat. Ask about Docker in Korean or English, paste a docker command to "
        "explain it, or type help. exit or Ctrl-D leaves.",
        "ko": "도커에 대해 한국어나 영어로 물어보세요. docker 명령어를 붙여넣으면 설명해 드려요. "
        "도움말은 help, 나가려면 exit 또는 Ctrl-D.",
    },
    "help.title": {"en": "How to use dockbot {surface}", "ko": "dockbot {surface} 사용법"},
    "help.body": {
        "en": "  <question>          ask how to do something, e.g. run a container in the "
        "background\n"
        "  explain <command>   a flag-by-flag explanation, e.g. explain docker run -dp 80:80 "
        "nginx\n"
        "  learn [N]           lesson N of the onboarding course (answer with dockbot learn N "
        "--answer K)\n"
        "  docker ...          a pasted command is explained too",
        "ko": "  <질문>              도커로 무언가 하는 방법을 물어보세요. 예: 컨테이너를 "
        "백그라운드에서 실행하려면?\n"
        "  explain <명령어>    옵션 하나하나 설명. 예: explain docker run -dp 80:80 nginx\n"
        "  배우기 [번호]       온보딩 코스의 수업 보기 (답은 dockbot learn 번호 --answer 보기)\n"
        "  docker ...          명령어를 붙여넣어도 설명해요",
    },
    "help.prompt": {
        "en": "; end a line with \\ to continue it\n"
        "  exit, Ctrl-D        leave; Ctrl-C clears the line being typed",
        "ko": ". 줄 끝에 \\ 를 쓰면 다음 줄로 이어져요\n"
        "  exit, Ctrl-D        나가기. Ctrl-C는 입력 중인 줄을 지워요",
    },
    "help.can": {
        "en": "Status lookups you may run here: {ops} (hosts: {hosts})",
        "ko": "여기서 조회할 수 있는 상태 명령: {ops} (호스트: {hosts})",
    },
    "help.cannot": {
        "en": "Docker status lookups are not available here.",
        "ko": "여기서는 도커 상태 조회를 쓸 수 없어요.",
    },
    "fill.pick": {
        "en": "Fill {token} with a live name: type its number (Enter to skip):",
        "ko": "{token} 자리에 넣을 이름 번호를 고르세요 (Enter: 건너뛰기):",
    },
    "fill.skipped": {
        "en": "Not a number from 1 to {n}; skipped.",
        "ko": "1-{n} 사이의 번호가 아니라서 건너뛰었어요.",
    },
    "fill.ready": {
        "en": "Ready to copy (nothing was run):",
        "ko": "복사해서 쓰세요 (아무것도 실행하지 않았어요):",
    },
}
