"""Synthesise the station's two feedback sounds into ``resources/sounds/`` (SPEC §8).

    .venv/bin/python scripts/make_sounds.py

The WAV files are committed; this script says how they were made, so changing a tone is a
reviewable edit here rather than an opaque binary. Standard library only (``wave``), so it
runs anywhere. The output is deterministic: running it twice gives identical bytes.

- success: one bright, short rising two-tone chirp (880 Hz then 1320 Hz, 140 ms) — "done,
  next parcel";
- error: two low buzzes (220 Hz with a square-ish edge, 2 × 160 ms) — heard over a warehouse
  floor and not mistaken for success with gloves on and eyes on the parcel.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

from qc_station.resources import source_dir

RATE = 22_050
AMPLITUDE = 0.6  # of full scale; leaves room so the player's volume does the rest
FADE_S = 0.008  # short fades in and out: no click at the edges


def _tone(freq: float, seconds: float, harmonics: tuple[float, ...] = (1.0,)) -> list[float]:
    n = round(RATE * seconds)
    fade = round(RATE * FADE_S)
    total = sum(harmonics)
    samples = []
    for i in range(n):
        t = i / RATE
        value = sum(
            weight * math.sin(2 * math.pi * freq * (k + 1) * t)
            for k, weight in enumerate(harmonics)
        )
        envelope = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
        samples.append(AMPLITUDE * envelope * value / total)
    return samples


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(RATE * seconds)


def success() -> list[float]:
    return _tone(880, 0.07) + _tone(1320, 0.07)


def error() -> list[float]:
    # Odd harmonics give the buzz its edge, so it is heard over conveyor noise.
    buzz = _tone(220, 0.16, (1.0, 0.0, 0.45, 0.0, 0.25))
    return buzz + _silence(0.07) + buzz


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else source_dir() / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, samples in (("success", success()), ("error", error())):
        write(folder / f"{name}.wav", samples)
        print(folder / f"{name}.wav")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
