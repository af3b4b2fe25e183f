//! Tests of the classes of dates.
