/* dates.h - calendar dates as yyyymmdd integers */
#ifndef HERODOTUS_DATES_H
#define HERODOTUS_DATES_H
#include <stddef.h>

int  date_make(int y, int m, int d);            /* 0 if invalid */
long date_to_days(int ymd);                     /* days since 1970-01-01 */
int  date_from_days(long days);
int  date_weekday(int ymd);                     /* 0 = Monday ... 6 = Sunday */
int  month_from_name(const char *s, size_t n);  /* "Jan", "January", "Sept." -> 1..12, 0 none */
int  weekday_from_name(const char *s, size_t n);/* "Monday" -> 0..6, -1 none */
/* Parse a date written in text: ISO "2024-04-09", "April 9, 2024",
 * "9 April 2024", "12th Mar, 2024", "Apr. 9 2024", "20240409".  Returns
 * yyyymmdd or 0; *used gets the number of bytes consumed. */
int  date_parse(const char *s, size_t n, size_t *used);
void date_format(int ymd, char out[11]);        /* "YYYY-MM-DD" */

#endif
