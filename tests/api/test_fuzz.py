"""The OpenAPI document drives a fuzzing run (schemathesis): every operation, with generated
parameters within the documented bounds and outside them, answers without a server error, with
a documented status code, content type and body. A few examples each in the fast run; many in
the slow one.

(schemathesis' own pytest plugin does not run under pytest 9, so each operation's strategy is
driven by hypothesis directly.)"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dateline.api import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)


def fuzz(store_url: str, examples: int, *, derandomize: bool, modes=MODES) -> int:
    # with a token set, the writes answer 401 to the fuzzer (which has none), not 403
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store_url, token="not-given"))
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in modes:
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=examples, deadline=None, database=None, derandomize=derandomize,
                      suppress_health_check=list(HealthCheck))
            def call(case):
                case.call_and_validate(checks=CHECKS)

            try:
                call()
            except Unsatisfiable:
                # no request breaks this operation's schema (a path of one free string)
                assert mode is GenerationMode.NEGATIVE, operation.label
    return operations


def test_no_server_error_few_examples(hand_made_sqlite_url):
    # requests within the documented bounds only: the out-of-bounds ones cost hypothesis many
    # rejected draws each, and run in the slow test
    assert fuzz(hand_made_sqlite_url, 6, derandomize=True, modes=(GenerationMode.POSITIVE,)) >= 14


@pytest.mark.slow
def test_no_server_error_many_examples(hand_made_store_url):
    fuzz(hand_made_store_url, 100, derandomize=False)
