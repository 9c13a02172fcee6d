//! The site's icon as the PNG pictures an installed web app needs, drawn from its SVG
//! (`favicon.svg`) with resvg: Chromium offers to install a site only with an icon of at least
//! 144 pixels it can decode, and launchers ask for 192 (the home screen) and 512 (the splash
//! screen). Shapes and paths are drawn; text is not (the build loads no fonts), so an icon with
//! letters in it should have them as paths.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree};

/// The sizes written, in pixels a side.
pub const ICON_SIZES: [u32; 2] = [192, 512];

/// `svg` drawn square at each of [`ICON_SIZES`], centred when it is not square itself, as PNG
/// files' bytes; why not, in a sentence, when it cannot be read.
pub fn png_icons(svg: &[u8]) -> Result<Vec<(u32, Vec<u8>)>, String> {
    let tree = Tree::from_data(svg, &Options::default()).map_err(|error| error.to_string())?;
    let drawn = tree.size();
    ICON_SIZES
        .iter()
        .map(|&size| {
            let mut pixmap =
                Pixmap::new(size, size).ok_or_else(|| format!("no {size}-pixel picture"))?;
            let side = size as f32;
            let scale = side / drawn.width().max(drawn.height());
            let (dx, dy) = (
                (side - drawn.width() * scale) / 2.0,
                (side - drawn.height() * scale) / 2.0,
            );
            let transform = Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
            resvg::render(&tree, transform, &mut pixmap.as_mut());
            let png = pixmap.encode_png().map_err(|error| error.to_string())?;
            Ok((size, png))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b00020"/><path d="M9 24V8h3.2l7 10.4V8H23v16h-3.2l-7-10.4V24z" fill="#fff"/></svg>"##;

    #[test]
    fn the_icon_is_drawn_at_each_size_as_png() {
        let icons = png_icons(ICON.as_bytes()).expect("the icon draws");
        assert_eq!(
            icons.iter().map(|(size, _)| *size).collect::<Vec<_>>(),
            ICON_SIZES
        );
        for (size, png) in &icons {
            let pixmap = Pixmap::decode_png(png).expect("a PNG");
            assert_eq!((pixmap.width(), pixmap.height()), (*size, *size));
            // The red square fills the middle; the rounded corner leaves the very corner clear.
            let middle_left = pixmap.pixel(size / 16, size / 2).expect("in the picture");
            assert_eq!(
                (
                    middle_left.red(),
                    middle_left.green(),
                    middle_left.blue(),
                    middle_left.alpha()
                ),
                (0xb0, 0x00, 0x20, 0xff)
            );
            assert_eq!(pixmap.pixel(0, 0).expect("in the picture").alpha(), 0);
        }
    }

    #[test]
    fn a_file_that_is_no_svg_says_so() {
        assert!(png_icons(b"<html>not an icon</html>").is_err());
        assert!(png_icons(b"\x89PNG").is_err());
    }
}
