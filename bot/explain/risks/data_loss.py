"""Commands that delete containers, images or volumes for good."""

from __future__ import annotations

from bot.explain.model import Risk, RiskLevel
from bot.explain.parser import ParsedCommand
from bot.explain.risks.rule import make, said
from bot.lang import Lang


def destructive(p: ParsedCommand, lang: Lang) -> list[Risk]:
    path = p.node.path if p.node is not None else ""
    out: list[Risk] = []
    force = p.has_flag("force")
    if path == "docker system prune":
        all_, vols = p.has_flag("all"), p.has_flag("volumes")
        if all_ or vols:
            shown = "system prune" + (" -a" if all_ else "") + (" --volumes" if vols else "")
            level: RiskLevel = "danger" if vols else "warn"
            images = said("system_prune.all_images" if all_ else "system_prune.dangling_images",
                          lang)
            end = said("system_prune.without_asking", lang) if force else "."
            out.append(make(shown, level, lang, "system_prune", "volumes" if vols else "",
                            images=images, end=end))
    elif path == "docker volume prune" or (path == "docker volume rm" and p.positionals()):
        out.append(make(path.removeprefix("docker "), "warn", lang, "volume_rm"))
    elif path == "docker compose down" and p.has_flag("volumes"):
        out.append(make("compose down -v", "danger", lang, "compose_down_volumes"))
    elif path == "docker container rm" and force:
        out.append(make("rm -f", "warn", lang, "rm_force"))
    elif path == "docker image rm" and force:
        out.append(make("rmi -f", "warn", lang, "rmi_force"))
    return out
