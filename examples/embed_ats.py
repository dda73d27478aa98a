"""Embedding talentfit in an applicant tracking system (ATS).

Run: python3 examples/embed_ats.py

An ATS sends the answers of an interview as records, stores the JSON result next to the
candidate, and shows the levels with their evidence to the interviewer, who decides.
"""

from __future__ import annotations

import json

import talentfit

# 1. Records as the ATS has them (any mapping with the documented fields works).
records = [
    {
        "id": "int-311/q1",
        "candidate_id": "cand-311",
        "competency": "ownership",
        "question": "Tell me about a customer problem that was not strictly yours to solve.",
        "answer": (
            "A tenant called about a leaking radiator on a Friday, which is the contractor's job. "
            "I didn't just pass it on. I called the contractor myself, arranged a plumber for "
            "Saturday morning and told her I would check in after the visit. I rang her on "
            "Saturday afternoon: it was fixed and she was relieved."
        ),
    },
    {"id": "int-311/q2", "candidate_id": "cand-311", "answer": ""},  # an empty answer
]

# 2. Score lazily; every record yields a result or an error, in order.
for item in talentfit.score_answers(records):
    if isinstance(item, talentfit.RecordError):
        print(f"could not score {item.id}: {item.error}")
        continue
    data = item.to_dict()  # plain JSON to store in the ATS
    target = item.score_for(item.competency) if item.competency else None
    if target is not None:
        print(f"{item.id}: {target.competency} level {target.level} ({target.score:.2f})")
        for ev in target.evidence:
            print(f"   {'+' if ev.weight > 0 else '-'} {ev.text!r} ({ev.signal})")
    print("   stored:", len(json.dumps(data)), "bytes; advice:", data["advice"])

# 3. Errors in the ATS's own configuration are one clear line.
try:
    talentfit.load_rubric("does-not-exist.toml")
except talentfit.TalentfitError as exc:
    print("configuration error:", exc)
