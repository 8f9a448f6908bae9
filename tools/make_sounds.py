"""Synthesise the game's sound effects with numpy and write them as WAVs into assets/sounds/.

Why a script: the sounds are made in the repository (no sample libraries), are short, soft
and mono, and a test checks the committed files still match what this script makes.
Each sound is under one second, peaks well below full scale (-9 dBFS at most) and fades in
and out so it never clicks. Run: `python tools/make_sounds.py [--out DIR]`.
"""

from __future__ import annotations

import argparse
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

RATE = 22050
PEAK = 0.35  # about -9 dBFS: quiet next to speech, comfortable in a classroom


def _t(seconds: float) -> np.ndarray:
    return np.arange(int(RATE * seconds)) / RATE


def _env(n: int, attack: float = 0.005, release: float = 0.12, decay: float = 6.0) -> np.ndarray:
    """Attack ramp, exponential decay, and a release ramp to exact silence at the end."""
    t = np.arange(n) / RATE
    env = np.exp(-decay * t)
    a = max(1, int(attack * RATE))
    env[:a] *= np.linspace(0.0, 1.0, a)
    r = min(n, max(1, int(release * RATE)))
    env[-r:] *= np.linspace(1.0, 0.0, r)
    return env


def _bell(freq: float, seconds: float, decay: float = 6.0) -> np.ndarray:
    """A soft mallet tone: a sine with a quiet octave and fifth, decaying."""
    t = _t(seconds)
    wave_ = (
        np.sin(2 * np.pi * freq * t)
        + 0.25 * np.sin(2 * np.pi * 2 * freq * t)
        + 0.08 * np.sin(2 * np.pi * 3 * freq * t)
    )
    return wave_ * _env(len(t), decay=decay)


def _place(total: float, notes: list[tuple[float, np.ndarray]]) -> np.ndarray:
    out = np.zeros(int(RATE * total))
    for start, sig in notes:
        i = int(start * RATE)
        j = min(len(out), i + len(sig))
        out[i:j] += sig[: j - i]
    return out


def _norm(sig: np.ndarray, peak: float = PEAK) -> np.ndarray:
    m = float(np.max(np.abs(sig))) or 1.0
    return sig / m * peak


NOTE = {  # equal temperament, A4 = 440 Hz
    "C5": 523.25,
    "D5": 587.33,
    "E5": 659.26,
    "F5": 698.46,
    "G5": 783.99,
    "A5": 880.00,
    "B4": 493.88,
    "A4": 440.00,
    "G4": 392.00,
    "F4": 349.23,
    "E4": 329.63,
    "D4": 293.66,
    "C4": 261.63,
    "Bb3": 233.08,
    "A3": 220.00,
    "C6": 1046.50,
}


def click() -> np.ndarray:
    """A short, soft tick for buttons."""
    t = _t(0.05)
    sig = np.sin(2 * np.pi * 1400 * t) * np.exp(-t * 120)
    sig += 0.4 * np.sin(2 * np.pi * 700 * t) * np.exp(-t * 90)
    return _norm(sig * _env(len(t), attack=0.001, release=0.01, decay=0), 0.25)


def turn_end() -> np.ndarray:
    """Two falling-then-rising mallet notes: the season turns."""
    return _norm(_place(0.7, [(0.0, _bell(NOTE["G4"], 0.45)), (0.18, _bell(NOTE["C5"], 0.5))]))


def score_up() -> np.ndarray:
    """A rising major third: something got better."""
    return _norm(_place(0.45, [(0.0, _bell(NOTE["E5"], 0.3, 9)), (0.1, _bell(NOTE["G5"], 0.35, 8))]), 0.3)


def score_down() -> np.ndarray:
    """A falling minor third, lower and softer: something got worse."""
    return _norm(_place(0.5, [(0.0, _bell(NOTE["E4"], 0.3, 9)), (0.12, _bell(NOTE["C4"], 0.38, 8))]), 0.3)


def elite_warning() -> np.ndarray:
    """Two low pulses with a slight beat: attention, the elite is about to act."""
    t = _t(0.8)
    tone = np.sin(2 * np.pi * NOTE["A3"] * t) + 0.6 * np.sin(2 * np.pi * (NOTE["A3"] * 1.5 + 2) * t)
    pulse = np.zeros_like(t)
    for start in (0.0, 0.35):
        i = int(start * RATE)
        n = int(0.3 * RATE)
        pulse[i : i + n] = _env(n, attack=0.02, release=0.1, decay=3.0)
    return _norm(tone * pulse)


def event() -> np.ndarray:
    """A bright bell: news arrives."""
    return _norm(
        _place(0.8, [(0.0, _bell(NOTE["A5"], 0.7, 5)), (0.06, 0.5 * _bell(NOTE["E5"], 0.6, 5))]),
        0.3,
    )


def win() -> np.ndarray:
    """A rising major arpeggio that settles: the pathway holds."""
    notes = [
        (0.0, _bell(NOTE["C5"], 0.5)),
        (0.12, _bell(NOTE["E5"], 0.5)),
        (0.24, _bell(NOTE["G5"], 0.5)),
        (0.36, _bell(NOTE["C6"], 0.6, 4)),
    ]
    return _norm(_place(0.96, notes))


def lose() -> np.ndarray:
    """A slow falling minor line: the pathway broke."""
    notes = [
        (0.0, _bell(NOTE["A4"], 0.5, 4)),
        (0.2, _bell(NOTE["F4"], 0.5, 4)),
        (0.4, _bell(NOTE["D4"], 0.55, 3.5)),
    ]
    return _norm(_place(0.96, notes), 0.3)


SOUNDS: dict[str, Callable[[], np.ndarray]] = {
    "click": click,
    "turn_end": turn_end,
    "score_up": score_up,
    "score_down": score_down,
    "elite_warning": elite_warning,
    "event": event,
    "win": win,
    "lose": lose,
}


def to_pcm16(sig: np.ndarray) -> bytes:
    return (np.clip(sig, -1.0, 1.0) * 32767).round().astype("<i2").tobytes()


def write_wav(path: Path, sig: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(to_pcm16(sig))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "assets" / "sounds"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(args.out / f"{name}.wav", make())
    print(f"wrote {len(SOUNDS)} sounds to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
