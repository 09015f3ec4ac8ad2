"""Finger gestures in numbers (ui.fling): swipe directions, the finger's speed as it lets go,
and the glide after a flick. Pure Python: times are given, nothing sleeps."""
from __future__ import annotations

import pytest

from ui.fling import Fling, FingerTrack, swipe_direction


@pytest.mark.parametrize(("dx", "dy", "direction"), [
    (0, -40, "up"), (0, 40, "down"), (-40, 0, "left"), (40, 0, "right"),
    (20, -40, "up"),  # a shaky swipe up drifts sideways
    (-40, 25, "left"),
])
def test_a_long_enough_drag_mostly_one_way_is_a_swipe_that_way(dx: float, dy: float, direction: str) -> None:
    assert swipe_direction(dx, dy, min_distance=38) == direction


@pytest.mark.parametrize(("dx", "dy"), [(0, -30), (25, 25), (-40, 35), (0, 0)])
def test_short_or_diagonal_drags_are_no_swipe(dx: float, dy: float) -> None:
    assert swipe_direction(dx, dy, min_distance=38) is None


def test_velocity_comes_from_the_last_100_ms_only() -> None:
    track = FingerTrack()
    track.add(0, 0)
    track.add(500, 1000)  # a fast move long ago: forgotten
    track.add(900, 1000)
    track.add(950, 1100)
    track.add(1000, 1200)
    assert track.velocity() == pytest.approx(200 / 100)


def test_a_finger_that_rested_before_letting_go_has_no_speed() -> None:
    track = FingerTrack()
    track.add(0, 0)
    track.add(10, 80)
    track.add(300, 80)  # held still, then lifted
    assert track.velocity() == 0.0


def test_speed_keeps_its_sign_and_samples_in_the_same_millisecond_count_as_one() -> None:
    track = FingerTrack()
    track.add(40, 500)
    track.add(40, 380)
    assert track.velocity() == pytest.approx(-120.0)


def test_time_going_backwards_starts_the_track_afresh() -> None:
    track = FingerTrack()
    track.add(1000, 0)
    track.add(1010, 500)
    track.add(5, 500)  # a press from another clock
    assert track.velocity() == 0.0
    track.add(15, 520)
    assert track.velocity() == pytest.approx(2.0)


def test_a_fling_moves_its_way_ever_slower_and_stops() -> None:
    fling = Fling(start=100, velocity=2.0, stop_speed=0.04, time_constant_ms=300)
    positions = [fling.position(t) for t in range(0, 3000, 16)]
    steps = [b - a for a, b in zip(positions, positions[1:])]
    assert positions[0] == 100
    assert all(step >= 0 for step in steps)
    moving = [step for step in steps if step > 0]
    assert moving == sorted(moving, reverse=True)  # friction: each frame a little less
    assert fling.finished(fling.duration_ms) and not fling.finished(fling.duration_ms - 1)
    assert fling.position(fling.duration_ms) == fling.position(10_000)  # then it stays put
    assert 100 + 0.9 * 2.0 * 300 < fling.position(10_000) < 100 + 2.0 * 300


def test_a_fling_upwards_moves_back() -> None:
    fling = Fling(start=500, velocity=-1.0, stop_speed=0.04)
    assert fling.position(100) < 500


def test_a_fling_slower_than_the_stop_speed_does_not_move() -> None:
    fling = Fling(start=10, velocity=0.01, stop_speed=0.04)
    assert fling.finished(0)
    assert fling.position(500) == 10
