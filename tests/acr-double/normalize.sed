# What changes from one run of the same client to the next, so that a comparison sees only words:
# dates and times, paths, digests and ids, durations, sizes and rates, progress bars, tag lists.
/^Date: /d
/^date: /d
s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?/<time>/g
s#(/[A-Za-z0-9._+-]+)+/#<path>/#g
s/sha256:[0-9a-f]{64}/sha256:<digest>/g
s/\b[0-9a-f]{12}\b/<id>/g
s/0x[0-9a-f]+/<address>/g
s/[0-9]+(\.[0-9]+)? ?(ns|µs|ms|milliseconds|seconds|s|m)\b/<duration>/g
s/[0-9]+(\.[0-9]+)? ?(B|KiB|MiB|kB|MB)(\/s)?/<size>/g
s/\|[^|]*\|/|<progress>|/g
s/"v[0-9]+",?/"<tag>"/g
s/ +$//
