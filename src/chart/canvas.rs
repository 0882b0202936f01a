//! Drawing a chart on an HTML canvas, sharp on high-density screens.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{ChartSpec, Look, PlotArea, draw};

/// Sizes the canvas's backing store to its CSS size times `scale`, the
/// device pixel ratio (plotters lays out in backing pixels, so a
/// [`Look`]'s scale sizes fonts and strokes to match), and draws on it.
pub fn sized_backend(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    scale: f64,
) -> Option<CanvasBackend> {
    let width = (css_width * scale).round().max(1.0) as u32;
    let height = (css_height * scale).round().max(1.0) as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    crate::browser::set_px(canvas, &[("width", css_width), ("height", css_height)]);
    CanvasBackend::with_canvas_object(canvas.clone())
}

/// Draws a volume chart on the canvas at its CSS size.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    spec: &ChartSpec,
    look: &Look,
) -> Option<PlotArea> {
    let backend = sized_backend(canvas, css_width, css_height, look.scale)?;
    draw(&backend.into_drawing_area(), spec, look).ok()
}
