//! Drawing a chart on an HTML canvas, sharp on high-density screens.

use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{ChartSpec, Dashes, Look, PlotArea, draw};

/// plotters-canvas's backend, with lines, dashes and text stroked here:
/// it sets the colour, width and font of every line and label again, as
/// strings the browser parses each time, and strokes a dashed line dash by
/// dash. A profile of a heavy change put those at half its drawing time
/// (docs/performance.md); here a style is set only when it changes, and a
/// dashed line is one path with a line dash. Fills (markers, bands,
/// plates) stay plotters-canvas's, and forget what was set.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    stroke: Option<(Colour, u32)>,
    fill: Option<Colour>,
    font: String,
    /// The text's alignment and baseline.
    anchor: Option<(&'static str, &'static str)>,
}

/// plotters-canvas's, which it does not export by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// A colour as it can be compared (`BackendColor` cannot).
type Colour = ((u8, u8, u8), u64);

fn colour(c: BackendColor) -> Colour {
    (c.rgb, c.alpha.to_bits())
}

fn css_colour(((r, g, b), alpha): Colour) -> String {
    format!("rgba({r},{g},{b},{})", f64::from_bits(alpha))
}

impl Canvas {
    fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            inner: CanvasBackend::with_canvas_object(canvas)?,
            context,
            stroke: None,
            fill: None,
            font: String::new(),
            anchor: None,
        })
    }

    fn stroke_style(&mut self, style: &impl BackendStyle) {
        let wanted = (colour(style.color()), style.stroke_width());
        if self.stroke != Some(wanted) {
            self.context.set_stroke_style_str(&css_colour(wanted.0));
            self.context.set_line_width(f64::from(wanted.1));
            self.stroke = Some(wanted);
        }
    }

    fn fill_style(&mut self, c: BackendColor) {
        let wanted = colour(c);
        if self.fill != Some(wanted) {
            self.context.set_fill_style_str(&css_colour(wanted));
            self.fill = Some(wanted);
        }
    }

    fn stroke_path(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        let mut path = path.into_iter();
        if let Some((x, y)) = path.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in path {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        self.context.stroke();
    }

    /// After plotters-canvas drew: it may have set any colour or width.
    fn forget(&mut self) -> &mut CanvasBackend {
        self.stroke = None;
        self.fill = None;
        &mut self.inner
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.forget().draw_pixel(point, color)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha > 0.0 {
            self.stroke_style(style);
            self.stroke_path(path);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.forget()
            .draw_rect(upper_left, bottom_right, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.forget().fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.forget().draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if font != self.font {
            self.context.set_font(&font);
            self.font = font;
        }
        let anchor = style.anchor();
        let wanted = (
            match anchor.h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
            match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        );
        if self.anchor != Some(wanted) {
            self.context.set_text_align(wanted.0);
            self.context.set_text_baseline(wanted.1);
            self.anchor = Some(wanted);
        }
        self.fill_style(style.color());
        let quarter_turns = match style.transform() {
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
            _ => 0.0,
        };
        let (x, y) = (f64::from(x), f64::from(y));
        if quarter_turns == 0.0 {
            let _ = self.context.fill_text(text, x, y);
        } else {
            self.context.save();
            let _ = self.context.translate(x, y);
            let _ = self
                .context
                .rotate(quarter_turns * std::f64::consts::FRAC_PI_2);
            let _ = self.context.fill_text(text, 0.0, 0.0);
            self.context.restore();
        }
        Ok(())
    }
}

impl Dashes for Canvas {
    fn dashed_path(
        &mut self,
        path: Vec<BackendCoord>,
        (on, off): (i32, i32),
        style: &plotters::style::ShapeStyle,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let dash = js_sys::Array::of2(&f64::from(on).into(), &f64::from(off).into());
        let _ = self.context.set_line_dash(&dash);
        let drawn = self.draw_path(path, style);
        let _ = self.context.set_line_dash(&js_sys::Array::new());
        drawn
    }
}

/// Below this width (CSS pixels) a chart uses fewer ticks and tighter margins.
const COMPACT_WIDTH: f64 = 520.0;

/// A chart's CSS height for its CSS width, and whether it is compact.
pub fn chart_height(css_width: f64) -> (f64, bool) {
    let compact = css_width < COMPACT_WIDTH;
    let height = (css_width * if compact { 0.75 } else { 0.52 }).clamp(240.0, 440.0);
    (height, compact)
}

/// Places the pointer readout's hairline at `x` on `area` and its box
/// beside it (on the left in the right half, so it stays on the chart).
/// Through the style object: a strict policy refuses style attributes.
pub fn place_readout(
    area: &PlotArea,
    x: f64,
    line: &web_sys::HtmlElement,
    readout: &web_sys::HtmlElement,
) {
    let left = if area.flips_readout(x) {
        x - 12.0
    } else {
        x + 12.0
    };
    crate::browser::set_px(
        line,
        &[
            ("left", x),
            ("top", area.top),
            ("height", area.bottom - area.top),
        ],
    );
    crate::browser::set_px(readout, &[("left", left), ("top", area.top + 4.0)]);
}

/// Sizes the canvas's backing store to its CSS size times `scale`, the
/// device pixel ratio (plotters lays out in backing pixels, so a
/// [`Look`]'s scale sizes fonts and strokes to match), and draws on it.
pub fn sized_backend(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    scale: f64,
) -> Option<Canvas> {
    let width = (css_width * scale).round().max(1.0) as u32;
    let height = (css_height * scale).round().max(1.0) as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    crate::browser::set_px(canvas, &[("width", css_width), ("height", css_height)]);
    Canvas::new(canvas.clone())
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
