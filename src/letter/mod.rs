//! Motion letters as text become motions: see `parse`.
