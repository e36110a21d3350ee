//! RFC 6265bis §5.1.1's *cookie-date*: the lenient reading of `Expires` every engine shares,
//! to seconds since the Unix epoch.

fn is_delimiter(b: u8) -> bool {
    matches!(b, 0x09 | 0x20..=0x2f | 0x3b..=0x40 | 0x5b..=0x60 | 0x7b..=0x7e)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `min..=max` leading digits of `token` and whether only non-digits follow them.
fn leading_digits(token: &str, min: usize, max: usize) -> Option<u32> {
    let count = token.bytes().take_while(u8::is_ascii_digit).count();
    if count < min || count > max {
        return None;
    }
    token[..count].parse().ok()
}

fn time(token: &str) -> Option<(u32, u32, u32)> {
    let mut parts = token.splitn(3, ':');
    let hour = parts.next()?;
    let minute = parts.next()?;
    let second = parts.next()?;
    let whole = |part: &str| {
        (part.len() <= 2 && !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    Some((whole(hour)?, whole(minute)?, leading_digits(second, 1, 2)?))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Seconds since the epoch of a cookie-date, or `None` when the text is not one.
pub fn parse(text: &str) -> Option<i64> {
    let (mut clock, mut day, mut month, mut year) = (None, None, None, None);
    for token in text.split(|c: char| c.is_ascii() && is_delimiter(c as u8)) {
        if token.is_empty() {
            continue;
        }
        if clock.is_none() {
            if let Some(found) = time(token) {
                clock = Some(found);
                continue;
            }
        }
        if day.is_none() {
            if let Some(found) = leading_digits(token, 1, 2) {
                day = Some(found);
                continue;
            }
        }
        if month.is_none() {
            let prefix = token.get(..3).map(str::to_ascii_lowercase);
            if let Some(index) = MONTHS.iter().position(|m| Some(*m) == prefix.as_deref()) {
                month = Some(index as u32 + 1);
                continue;
            }
        }
        if year.is_none() {
            if let Some(found) = leading_digits(token, 2, 4) {
                year = Some(found);
            }
        }
    }
    let (hour, minute, second) = clock?;
    let (day, month, mut year) = (day?, month?, year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    if year < 1601
        || hour > 23
        || minute > 59
        || second > 59
        || day < 1
        || day > days_in_month(year, month)
    {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    Some(days * 86_400 + i64::from(hour * 3600 + minute * 60 + second))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn dates_as_servers_write_them() {
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480));
        // RFC 850 and asctime forms, and a two-digit year.
        assert_eq!(
            parse("Wednesday, 21-Oct-15 07:28:00 GMT"),
            Some(1_445_412_480)
        );
        assert_eq!(parse("Wed Oct 21 07:28:00 2015"), Some(1_445_412_480));
        assert_eq!(parse("Tue, 29 Feb 2000 12:00:00 GMT"), Some(951_825_600));
    }

    #[test]
    fn what_is_not_a_date() {
        for text in [
            "",
            "tomorrow",
            "Wed, 31 Feb 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 25:00:00 GMT",
            "21 Oct 1600 00:00:00",
            "Wed, 21 Oct 2015",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
