# What changes from one run of the same client to the next, so that a diff shows only words:
# times, digests, layer ids, durations, sizes and rates, progress bars.
s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?/<time>/g
s/sha256:[0-9a-f]{64}/sha256:<digest>/g
s/\b[0-9a-f]{12}\b/<id>/g
s/[0-9]+(\.[0-9]+)?(ns|µs|ms|s|m)\b/<duration>/g
s/[0-9]+(\.[0-9]+)? ?(B|KiB|MiB|kB|MB)(\/s)?/<size>/g
s/\|[^|]*\|/|<progress>|/g
s/ +$//
