//! Numbers and dates as the pages write them.

/// `4549` → `4,549`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Dec 29, 2022`, `Dec 2022` or `2022`, as precise as the date is known.
pub fn date_label(date: &crate::corpus::WorkDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = date
        .month
        .filter(|m| (1..=12).contains(m))
        .map(|m| MONTHS[m as usize - 1]);
    match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", date.year),
        (Some(month), None) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}
