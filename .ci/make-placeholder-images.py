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
    ("library", 800, 600, "#6b3f3f", "#e8c7a8", "Placeholder: shelves in a public library"),
    ("stadium", 1200, 675, "#2f3d6b", "#c4cde8", "Placeholder: a stadium under floodlights"),
    ("market", 976, 549, "#6b5a1f", "#f0dc9a", "Placeholder: a street market"),
    ("chart", 800, 450, "#f4f1ea", "#1f4e6b", "Placeholder: a bar chart of rainfall"),
]


def picture(width: int, height: int, background: str, accent: str, label: str) -> str:
    hills = (
        f"M0 {height * 0.72:.0f} Q{width * 0.25:.0f} {height * 0.55:.0f} {width * 0.5:.0f} {height * 0.7:.0f} "
        f"T{width} {height * 0.62:.0f} V{height} H0 Z"
    )
    font_size = max(16, width // 32)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
<rect width="{width}" height="{height}" fill="{background}"/>
<circle cx="{width * 0.78:.0f}" cy="{height * 0.28:.0f}" r="{min(width, height) * 0.12:.0f}" fill="{accent}" opacity="0.8"/>
<path d="{hills}" fill="{accent}" opacity="0.45"/>
<text x="50%" y="50%" text-anchor="middle" font-family="sans-serif" font-size="{font_size}" fill="#fff" stroke="#000" stroke-width="0.6" paint-order="stroke">{escape(label)}</text>
<text x="50%" y="{height * 0.5 + font_size * 1.4:.0f}" text-anchor="middle" font-family="sans-serif" font-size="{font_size * 0.7:.0f}" fill="#fff">{width} × {height}</text>
</svg>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, width, height, background, accent, label in PICTURES:
        (OUT / f"{name}.svg").write_text(picture(width, height, background, accent, label), encoding="utf-8")


if __name__ == "__main__":
    main()
