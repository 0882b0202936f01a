//! Drawing a chart on an HTML canvas, sharp on high-density screens.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{ChartSpec, Look, PlotArea, draw};

/// Sizes the canvas's backing store to its CSS size times the device pixel
/// ratio (plotters lays out in backing pixels, so `look.scale` scales fonts
/// and strokes to match), then draws.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    spec: &ChartSpec,
    look: &Look,
) -> Option<PlotArea> {
    let width = (css_width * look.scale).round().max(1.0) as u32;
    let height = (css_height * look.scale).round().max(1.0) as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    crate::browser::set_px(canvas, &[("width", css_width), ("height", css_height)]);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    draw(&backend.into_drawing_area(), spec, look).ok()
}
