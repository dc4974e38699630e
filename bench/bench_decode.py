"""Barcode decoding benchmark: zxing-cpp against OpenCV on real photos, and frames per second.

Run it with ``.venv/bin/python -m bench.bench_decode``; docs/decoding.md quotes its output.

Part 1, accuracy and speed on the shared sample photos (``../shared/data/barcodes``: real
photos of Code128, EAN-13 and QR codes with the text each encodes in ``manifest.csv``). Every
image is decoded once to BGR with ``cv2.imdecode`` (not timed), then given to each decoder:

- ``zxing-cpp``: the application's ``decode_image_array`` (the file path of ``qc-station
  decode``: warehouse formats, every orientation, inverted codes, rescaled retries on a miss);
- ``zxing-cpp frame``: the application's ``decode_frame`` (the camera's fast mode);
- ``OpenCV``: ``cv2.barcode.BarcodeDetector`` (1D) and ``cv2.QRCodeDetector`` (QR) both run on
  every image, as a station would have to without knowing the symbology in advance;
- ``OpenCV Aruco``: the same with ``cv2.QRCodeDetectorAruco``, OpenCV's other QR detector.

A sample counts as *correct* when one of the texts read equals ``expected_text`` exactly,
*wrong* when something else was read, *missed* when nothing was; a correct sample on which
another text was read as well is counted apart (a second code in the photo, or a misread
beside the right one). Wrong reads whose only difference is trailing whitespace are
counted apart as well (the manifest trims it, the symbols contain it). The time per image
is the median of ``--repeat`` runs, so one descheduling on a busy machine does not decide a
figure.

Part 2, frames per second at 1280×720 for the chosen decoder: a sample photo (scaled to about
a third of the frame, as a label held up to a webcam looks) pasted into the middle of a
frame of sensor-like noise, a frame of noise with no code, and a rendered Code128 RMA label.
Each frame is decoded ``--frames`` times; the figure is the slowest frame kind's rate, since
the camera must keep up whatever it sees. Target: ≥ 25 fps.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from qc_station.adapters.barcodes import decode_frame, decode_image_array
from qc_station.adapters.images import decode_image

from .common import ROOT, Result, machine, print_result

SAMPLES = ROOT.parent / "shared" / "data" / "barcodes"
TARGET_FPS = 25.0
FRAME_W, FRAME_H = 1280, 720

Decoder = Callable[[np.ndarray], list[str]]


def _zxing(image: np.ndarray) -> list[str]:
    return [code.text for code in decode_image_array(image)]


def _zxing_frame(image: np.ndarray) -> list[str]:
    return [code.text for code in decode_frame(image)]


def _opencv(qr_detector: cv2.QRCodeDetector | cv2.QRCodeDetectorAruco) -> Decoder:
    linear = cv2.barcode.BarcodeDetector()

    def decode(image: np.ndarray) -> list[str]:
        texts: list[str] = []
        ok, infos, _types, _points = linear.detectAndDecodeWithType(image)
        if ok:
            texts += [t for t in infos if t]
        ok, infos, _points, _straight = qr_detector.detectAndDecodeMulti(image)
        if ok:
            texts += [t for t in infos if t]
        return texts

    return decode


DECODERS: dict[str, Decoder] = {
    "zxing-cpp": _zxing,
    "zxing-cpp frame": _zxing_frame,
    "OpenCV": _opencv(cv2.QRCodeDetector()),
    "OpenCV Aruco": _opencv(cv2.QRCodeDetectorAruco()),
}


@dataclass
class Tally:
    samples: int = 0
    correct: int = 0
    wrong: int = 0
    wrong_whitespace: int = 0
    missed: int = 0
    extra: int = 0
    times_ms: list[float] = field(default_factory=list)
    wrong_files: list[str] = field(default_factory=list)
    missed_files: list[str] = field(default_factory=list)
    extra_files: list[str] = field(default_factory=list)


def load_samples(folder: Path = SAMPLES) -> list[tuple[str, str, str, np.ndarray]]:
    """(file, symbology, expected text, BGR image) for each row of the manifest."""
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return [
        (
            row["file"],
            row["symbology"],
            row["expected_text"],
            _read_sample(folder / row["file"]),
        )
        for row in rows
    ]


def _read_sample(path: Path) -> np.ndarray:
    """The sample as BGR, straight from OpenCV: the application's ``decode_image`` refuses
    images with an edge under 16 px (photo evidence), which would drop the 341×11 scan-line
    sample ``ean13-1_n526`` before either decoder saw it."""
    image = cv2.imdecode(np.frombuffer(path.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise SystemExit(f"cannot read sample {path}")
    return image


def compare(
    samples: list[tuple[str, str, str, np.ndarray]], repeat: int
) -> dict[tuple[str, str], Tally]:
    """Tallies per (decoder, symbology), plus (decoder, "all")."""
    tallies: dict[tuple[str, str], Tally] = {}
    for name, decoder in DECODERS.items():
        for file, symbology, expected, image in samples:
            times = []
            for _ in range(repeat):
                start = time.perf_counter_ns()
                texts = decoder(image)
                times.append((time.perf_counter_ns() - start) / 1e6)
            for key in ((name, symbology), (name, "all")):
                tally = tallies.setdefault(key, Tally())
                tally.samples += 1
                tally.times_ms.append(statistics.median(times))
                if expected in texts:
                    tally.correct += 1
                    if any(t.rstrip() != expected for t in texts):
                        tally.extra += 1
                        tally.extra_files.append(file)
                elif texts:
                    tally.wrong += 1
                    tally.wrong_files.append(file)
                    if expected in (t.rstrip() for t in texts):
                        tally.wrong_whitespace += 1
                else:
                    tally.missed += 1
                    tally.missed_files.append(file)
    return tallies


def comparison_table(tallies: dict[tuple[str, str], Tally]) -> str:
    lines = [
        "| symbology | decoder | samples | correct | + another code too | wrong (trailing "
        "space only) | missed | mean ms/image | max ms/image |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for symbology in sorted({s for _, s in tallies}, key=lambda s: (s == "all", s)):
        for name in DECODERS:
            t = tallies[(name, symbology)]
            lines.append(
                f"| {symbology} | {name} | {t.samples} | {t.correct} | {t.extra} | "
                f"{t.wrong} ({t.wrong_whitespace}) | {t.missed} | "
                f"{statistics.fmean(t.times_ms):.1f} | {max(t.times_ms):.1f} |"
            )
    return "\n".join(lines)


# --- frames per second ---------------------------------------------------------------------


def noise_frame(seed: int = 7) -> np.ndarray:
    """A 1280×720 BGR frame of mid-grey sensor-like noise: worse for a detector than a flat
    frame, since every patch has edges that could start a finder-pattern or bar search."""
    rng = np.random.default_rng(seed)
    frame = rng.normal(128, 24, size=(FRAME_H, FRAME_W, 3))
    return np.clip(frame, 0, 255).astype(np.uint8)


def paste_centered(image: np.ndarray, width_share: float = 0.35, seed: int = 7) -> np.ndarray:
    """``image`` scaled to ``width_share`` of the frame width (at most 60 % of its height),
    pasted into the middle of a noise frame."""
    frame = noise_frame(seed)
    height, width = image.shape[:2]
    scale = min(FRAME_W * width_share / width, FRAME_H * 0.6 / height)
    resized = cv2.resize(
        image,
        (max(1, round(width * scale)), max(1, round(height * scale))),
        interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
    )
    h, w = resized.shape[:2]
    y, x = (FRAME_H - h) // 2, (FRAME_W - w) // 2
    frame[y : y + h, x : x + w] = resized
    return frame


def rendered_code128(text: str) -> np.ndarray:
    """A Code128 label as python-barcode renders it (the printing path's library)."""
    from io import BytesIO

    from barcode import Code128
    from barcode.writer import ImageWriter

    buffer = BytesIO()
    Code128(text, writer=ImageWriter()).write(buffer, {"module_width": 0.3, "dpi": 200})
    return decode_image(buffer.getvalue(), "rendered label")


def fps_frames(samples: list[tuple[str, str, str, np.ndarray]]) -> dict[str, np.ndarray]:
    by_file = {file: image for file, _, _, image in samples}
    return {
        "Code128 photo (code128-1_1)": paste_centered(by_file["code128-1_1.png"]),
        "EAN-13 photo (ean13-1_14)": paste_centered(by_file["ean13-1_14.webp"]),
        "QR photo (qrcode-2_14)": paste_centered(by_file["qrcode-2_14.png"]),
        # Half the frame width: about 3 px per module, a 4×6 in label held ~40 cm from a
        # 720p webcam. At a third of the width (2.3 px/module) a 15-character Code128 is
        # at the edge of what any decoder resolves after resampling.
        "rendered Code128 RMA label": paste_centered(
            rendered_code128("RMA-2026-000123"), width_share=0.5
        ),
        "no code (noise only)": noise_frame(11),
    }


def measure_fps(
    frames: dict[str, np.ndarray], decoder: Callable[[np.ndarray], object], count: int
) -> dict[str, tuple[float, float, str]]:
    """Per frame kind: (frames per second, p95 ms per frame, what was read)."""
    out = {}
    for label, frame in frames.items():
        decoder(frame)  # warm-up: first-call allocations are not what a running camera sees
        times = []
        for _ in range(count):
            start = time.perf_counter_ns()
            found = decoder(frame)
            times.append((time.perf_counter_ns() - start) / 1e6)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        fps = count / (sum(times) / 1000)
        out[label] = (fps, p95, _describe(found))
    return out


def _describe(found: object) -> str:
    texts = [getattr(c, "text", c) for c in found] if isinstance(found, list) else []
    return ", ".join(f"`{t}`" for t in texts) or "nothing"


def fps_table(results: dict[str, dict[str, tuple[float, float, str]]]) -> str:
    lines = ["| frame (1280×720) | mode | fps | p95 ms/frame | read |", "|---|---|---:|---:|---|"]
    for mode, rows in results.items():
        for label, (fps, p95, read) in rows.items():
            lines.append(f"| {label} | {mode} | {fps:.0f} | {p95:.1f} | {read} |")
    return "\n".join(lines)


def run(repeat: int = 3, frames: int = 200) -> list[Result]:
    """Print both tables; return the frame-rate figure as a benchmark result."""
    samples = load_samples()
    tallies = compare(samples, repeat)
    print(comparison_table(tallies))
    print()
    for name in DECODERS:
        t = tallies[(name, "all")]
        print(
            f"{name}: wrong {t.wrong_files or '-'}; missed {t.missed_files or '-'}; "
            f"correct plus another code {t.extra_files or '-'}"
        )
    print()
    frame_set = fps_frames(samples)
    fps = {
        "decode_frame (camera)": measure_fps(frame_set, decode_frame, frames),
        "decode_image_array (file)": measure_fps(frame_set, decode_image_array, frames // 4),
    }
    print(fps_table(fps))
    slowest = min(v[0] for v in fps["decode_frame (camera)"].values())
    all_read = all(
        v[2] != "nothing"
        for label, v in fps["decode_frame (camera)"].items()
        if not label.startswith("no code")
    )
    return [
        Result(
            name="decode_frame 1280×720, slowest frame kind",
            figure=round(slowest, 1),
            unit="fps",
            target=TARGET_FPS,
            passed=slowest >= TARGET_FPS and all_read,
            details={
                "per_frame": {k: round(v[0], 1) for k, v in fps["decode_frame (camera)"].items()},
                "all_codes_read": all_read,
                "opencv_threads": cv2.getNumThreads(),
            },
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="compare barcode decoders; measure fps")
    parser.add_argument("--repeat", type=int, default=3, help="runs per sample image")
    parser.add_argument("--frames", type=int, default=200, help="decodes per frame kind")
    args = parser.parse_args(argv)
    info = machine()
    print(
        f"Measured {info['date']} on {info.get('cpu', '?')} ({info['cpus']} CPUs), "
        f"Python {info['python']}, OpenCV {cv2.__version__}, zxing-cpp "
        f"{_zxing_version()}, load {info['loadavg']}.\n"
    )
    results = run(args.repeat, args.frames)
    print()
    for result in results:
        print_result(result)
    return 0 if all(r.passed for r in results) else 1


def _zxing_version() -> str:
    from importlib.metadata import version

    return version("zxing-cpp")


if __name__ == "__main__":
    raise SystemExit(main())
