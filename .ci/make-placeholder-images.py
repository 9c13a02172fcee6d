#!/usr/bin/env python3
"""Writes the sample articles' placeholder pictures into public/content/images/.

They are generated here rather than downloaded, so the site never fetches anything from
elsewhere. Each one is an SVG of the stated size that says plainly it is a placeholder.
Run it again after changing the list; the output is committed.
"""
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "public" / "content" / "images"

# name, width, height, background, accent, label
PICTURES = [
    ("raqqa", 976, 549, "#5b4a3a", "#c9a878", "Placeholder: fighters on a ruined street in Raqqa"),
    ("convoy", 976, 549, "#4a5560", "#b8c4cc", "Placeholder: a convoy on a desert road"),
    ("harbour", 1200, 675, "#1f4e6b", "#8cc4e0", "Placeholder: a harbour at dawn"),
    ("wind-farm", 1200, 800, "#3f6b4a", "#cfe3c4", "Placeholder: wind turbines on a hill"),
    ("stadium", 1200, 675, "#2f3d6b", "#c4cde8", "Placeholder: a stadium under floodlights"),
    ("market", 976, 549, "#6b5a1f", "#f0dc9a", "Placeholder: a street market"),
    ("chart", 800, 450, "#f4f1ea", "#1f4e6b", "Placeholder: a bar chart of rainfall"),
]


def bars(width: int, height: int, accent: str) -> str:
    """Ten bars of made-up yearly rainfall, the last the tallest, as the sample alt text says."""
    values = [0.42, 0.55, 0.38, 0.61, 0.47, 0.52, 0.66, 0.44, 0.58, 0.86]
    slot = width / (len(values) + 1)
    return "".join(
        f'<rect x="{slot * (idx + 0.75):.0f}" y="{height * (0.92 - value * 0.8):.0f}" '
        f'width="{slot * 0.6:.0f}" height="{height * value * 0.8:.0f}" fill="{accent}" opacity="0.6"/>'
        for idx, value in enumerate(values)
    )


def picture(name: str, width: int, height: int, background: str, accent: str, label: str) -> str:
    hills = (
        f"M0 {height * 0.72:.0f} Q{width * 0.25:.0f} {height * 0.55:.0f} {width * 0.5:.0f} {height * 0.7:.0f} "
        f"T{width} {height * 0.62:.0f} V{height} H0 Z"
    )
    font_size = max(16, width // 32)
    # Light pictures get dark lettering, dark ones light lettering, so the label stays legible.
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    is_light = 0.299 * red + 0.587 * green + 0.114 * blue > 150
    ink, halo = ("#111", "#fff") if is_light else ("#fff", "#000")
    scenery = (
        bars(width, height, accent)
        if name == "chart"
        else f'<circle cx="{width * 0.78:.0f}" cy="{height * 0.28:.0f}" r="{min(width, height) * 0.12:.0f}" '
        f'fill="{accent}" opacity="0.8"/><path d="{hills}" fill="{accent}" opacity="0.45"/>'
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
<rect width="{width}" height="{height}" fill="{background}"/>
{scenery}
<text x="50%" y="50%" text-anchor="middle" font-family="sans-serif" font-size="{font_size}" fill="{ink}" stroke="{halo}" stroke-width="0.6" paint-order="stroke">{escape(label)}</text>
<text x="50%" y="{height * 0.5 + font_size * 1.4:.0f}" text-anchor="middle" font-family="sans-serif" font-size="{font_size * 0.7:.0f}" fill="{ink}">{width} × {height}</text>
</svg>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, width, height, background, accent, label in PICTURES:
        (OUT / f"{name}.svg").write_text(picture(name, width, height, background, accent, label), encoding="utf-8")


if __name__ == "__main__":
    main()
