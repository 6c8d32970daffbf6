//! What the last frame showed, as the view reports it back: for paging,
//! scrolling, the mouse and the terminal cursor.

/// What the last frame showed, reported back by the view so that paging and
/// scrolling stop where the content does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Rows of the focused list that fit on screen.
    pub page: u16,
    /// How far the focused text can scroll.
    pub max_scroll: u16,
    /// Where the focused list of one-line rows stands, for the mouse and
    /// the terminal cursor.
    pub list: Option<ListAt>,
    /// Where an open form's fields stand, for the mouse.
    pub form: Option<FormAt>,
    /// Where a list of items of several lines stands, for the mouse and
    /// the terminal cursor.
    pub items: Option<ItemsAt>,
    /// How far the help scrolls, while it is open.
    pub help: u16,
    /// Where the filter menu's options stand, while it is open.
    pub menu: Option<MenuAt>,
}

/// The filter menu on screen: from its first line down, which option
/// each line shows (`0` for none, else its number plus one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuAt {
    pub top: u16,
    pub left: u16,
    pub right: u16,
    pub options: [u8; 64],
}

impl MenuAt {
    /// The option on screen at `(column, row)`, if one is there.
    pub fn at(&self, column: u16, row: u16) -> Option<usize> {
        if column < self.left || column >= self.right {
            return None;
        }
        let line = usize::from(row.checked_sub(self.top)?);
        let n = *self.options.get(line)?;
        (n > 0).then(|| usize::from(n) - 1)
    }
}

/// A list of items of several lines on screen: where each item shown ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemsAt {
    pub top: u16,
    pub left: u16,
    /// The index (among the screen's rows) of the first item shown.
    pub first: usize,
    /// How many items show, and the row below each (from `top`).
    pub count: usize,
    pub ends: [u16; 64],
}

impl Default for ItemsAt {
    fn default() -> ItemsAt {
        ItemsAt {
            top: 0,
            left: 0,
            first: 0,
            count: 0,
            ends: [0; 64],
        }
    }
}

impl ItemsAt {
    /// The item at `row` of the screen, if one shows there.
    pub fn at(&self, row: u16) -> Option<usize> {
        let below = row.checked_sub(self.top)?;
        let k = self.ends[..self.count]
            .iter()
            .position(|&end| below < end)?;
        Some(self.first + k)
    }

    /// The screen row where item `index` starts, if it shows.
    pub fn row_of(&self, index: usize) -> Option<u16> {
        let k = index.checked_sub(self.first).filter(|&k| k < self.count)?;
        Some(self.top + if k == 0 { 0 } else { self.ends[k - 1] })
    }
}

/// A form on screen: its first line, the line below its last, the rows
/// scrolled away, and how many rows the focused field takes (every other
/// field takes one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormAt {
    pub top: u16,
    pub bottom: u16,
    pub skip: u16,
    pub focus_rows: u16,
}

/// A list on screen: its first row's line and column, the line below its
/// last, and the index of the row shown first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListAt {
    pub top: u16,
    pub left: u16,
    pub bottom: u16,
    pub offset: usize,
}
