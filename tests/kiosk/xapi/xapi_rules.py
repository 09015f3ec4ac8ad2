"""The xAPI 1.0.3 statement rules a client can check without an LRS (Data section 2.4)."""
from __future__ import annotations

import datetime
import re
import uuid
from typing import Any
from urllib.parse import urlsplit

DURATION = re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")
LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"}
IFIS = {"mbox", "mbox_sha1sum", "openid", "account"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}


def problems(statement: dict[str, Any]) -> list[str]:
    found: list[str] = []
    found += [f"unknown property {k!r}" for k in set(statement) - STATEMENT_KEYS]
    for key in ("actor", "verb", "object"):
        if key not in statement:
            found.append(f"missing {key}")
    if "id" in statement and not _uuid(statement["id"]):
        found.append("id is not a UUID")
    if "actor" in statement:
        found += _agent(statement["actor"])
    if "verb" in statement:
        verb = statement["verb"]
        found += [] if _iri(verb.get("id")) else ["verb.id is not an IRI"]
        found += _language_map(verb.get("display", {}), "verb.display")
    if "object" in statement:
        found += _activity(statement["object"], "object")
    found += _result(statement.get("result", {}))
    found += _context(statement.get("context", {}))
    if "timestamp" in statement and not _timestamp(statement["timestamp"]):
        found.append("timestamp is not ISO 8601 with a time zone")
    return found


def _agent(actor: dict[str, Any]) -> list[str]:
    ifis = IFIS & set(actor)
    if actor.get("objectType", "Agent") != "Agent" or len(ifis) != 1:
        return ["actor must be an Agent with exactly one identifier"]
    account = actor.get("account")
    if account is not None and not (_iri(account.get("homePage")) and isinstance(account.get("name"), str) and account["name"]):
        return ["actor.account needs homePage (IRL) and name"]
    return []


def _activity(activity: dict[str, Any], where: str) -> list[str]:
    found = [] if activity.get("objectType", "Activity") == "Activity" else [f"{where} is not an Activity"]
    found += [] if _iri(activity.get("id")) else [f"{where}.id is not an IRI"]
    definition = activity.get("definition", {})
    for key in ("name", "description"):
        found += _language_map(definition.get(key, {}), f"{where}.definition.{key}")
    if "type" in definition and not _iri(definition["type"]):
        found.append(f"{where}.definition.type is not an IRI")
    return found


def _result(result: dict[str, Any]) -> list[str]:
    found = []
    score = result.get("score", {})
    if "scaled" in score and not -1 <= score["scaled"] <= 1:
        found.append("score.scaled outside [-1, 1]")
    if "min" in score and "max" in score and not score["min"] < score["max"]:
        found.append("score.min must be below score.max")
    if "raw" in score and not score.get("min", score["raw"]) <= score["raw"] <= score.get("max", score["raw"]):
        found.append("score.raw outside [min, max]")
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            found.append(f"result.{key} is not a boolean")
    if "duration" in result and not DURATION.match(result["duration"]):
        found.append(f"result.duration {result['duration']!r} is not ISO 8601")
    found += _extensions(result.get("extensions", {}), "result")
    return found


def _context(context: dict[str, Any]) -> list[str]:
    found = []
    if "registration" in context and not _uuid(context["registration"]):
        found.append("context.registration is not a UUID")
    if "language" in context and not LANGUAGE_TAG.match(context["language"]):
        found.append("context.language is not an RFC 5646 tag")
    for key, activities in context.get("contextActivities", {}).items():
        if key not in CONTEXT_ACTIVITY_KEYS:
            found.append(f"contextActivities.{key} is not allowed")
        for activity in activities if isinstance(activities, list) else [activities]:
            found += _activity(activity, f"contextActivities.{key}")
    found += _extensions(context.get("extensions", {}), "context")
    return found


def _extensions(extensions: dict[str, Any], where: str) -> list[str]:
    return [f"{where}.extensions key {k!r} is not an IRI" for k in extensions if not _iri(k)]


def _language_map(value: dict[str, Any], where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where} is not a language map"]
    return [f"{where} key {k!r} is not a language tag" for k in value if not LANGUAGE_TAG.match(k)]


def _iri(value: Any) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.scheme in ("mailto", "urn", "tag")))


def _uuid(value: Any) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _timestamp(value: Any) -> bool:
    try:
        return isinstance(value, str) and datetime.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
