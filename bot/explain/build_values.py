"""What a build's values mean: the name it gives (``-t``), ``-o``, ``--call``, ``--progress``."""

from __future__ import annotations

from bot.explain.values import mount_fields, split_image
from bot.lang import Lang
from bot.phrases import phrase, table_pair, table_phrase


def explain_new_image(ref: str, lang: Lang, same_image: bool = False) -> str:
    """``-t myapp:1.0`` on a build: the name the new image gets (nothing is looked up)."""
    if ref.startswith("$") or "`" in ref:
        return phrase("explain.build_values.name_for_the_new_image", lang)
    registry, repo, tag, _digest = split_image(ref)
    tag_said = (phrase("explain.build_values.tag", lang, tag=tag) if tag
                else phrase("explain.build_values.tag_latest_no_tag_given", lang))
    if registry:
        where = phrase(
            "explain.build_values.push_to_the_registry", lang, ref=ref, registry=registry
        )
    elif "/" in repo:
        owner = repo.rpartition("/")[0]
        where = phrase("explain.build_values.push_to_docker_hub_under", lang, ref=ref, owner=owner)
    else:
        where = phrase("explain.build_values.a_local_name", lang, repo=repo)
    lead = (phrase("explain.build_values.another_name_for_the_same_image", lang) if same_image
            else phrase("explain.build_values.name_given_to_the_new_image", lang))
    return phrase("explain.build_values.new_image_name", lang,
                  lead=lead, repo=repo, tag=tag_said, where=where)




def explain_build_output(value: str, lang: Lang) -> str:
    if value == "-":
        return phrase("explain.build_values.write_the_files_of_the", lang)
    if "=" not in value:  # -o out is type=local,dest=out
        value = f"type=local,dest={value}"
    fields = mount_fields(value)
    kind = fields.get("type", "")
    dest = fields.get("dest", "")
    if table_pair("build_outputs", kind) is None:
        return phrase("explain.build_values.build_output_of_type", lang, kind=kind or "?")
    where = dest or (phrase("explain.build_values.standard_output", lang)
                     if kind in ("tar", "oci") else "")
    return table_phrase("build_outputs", kind, lang, dest=where) or ""


