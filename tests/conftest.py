"""Test settings shared by every module."""

from hypothesis import settings

# Speed is measured in benchmarks/, not in tests: no per-example deadline, which would make
# property tests fail on a busy machine.
settings.register_profile("talentfit", deadline=None)
settings.load_profile("talentfit")
