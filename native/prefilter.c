/*
 * The directory scan's native reader (src/sources/files/native-prefilter.ts): opens, reads and
 * closes files one after another into the caller's buffer, and settles the files that need no
 * detection at all (binaries, and text with none of the needles that start every form of a key)
 * without returning to JavaScript. A file that holds a needle is handed back with its bytes in the
 * buffer, and the JavaScript detector scans it; anything unusual (a read error, a file over the
 * size cap or large enough to be streamed, one that grew while read) is handed back unread, for
 * the JavaScript reader to take as it takes every file without this addon.
 *
 * Why native: in JavaScript, Node's fs calls, the search and V8 compiling both while the scan runs
 * took ~90 ms beyond what reading the files takes (docs/cli.md). Here the read costs what it costs
 * ripgrep, and the search runs compiled from the first byte.
 *
 * The search is the one in src/detect/find-needles.ts (Wu-Manber over 2-byte blocks, eight windows
 * looked up at once), over the needles' first NEEDLE_LENGTH bytes, which JavaScript hands over once
 * (setNeedles): the needles themselves are defined in one place, src/detect/needles.ts. A needle
 * sends its file to JavaScript, which decides what it is, unless it is a plain `moltbook` that
 * canStartKey (src/detect/match-candidate.ts) would rule out, by the same rule and the same data;
 * test/sources/files/native-prefilter.test.ts holds the two to the same answers.
 *
 * POSIX only; where it does not build (Windows), the JavaScript reader does the work.
 */
#define NAPI_VERSION 8
#include <node_api.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Must equal NEEDLE_LENGTH in src/detect/needles.ts; setNeedles refuses anything else. */
#define M 8
#define MAX_SHIFT (M - 1)
#define MAX_NEEDLES 256
/* Like git: a NUL byte in this many first bytes means binary (src/detect/is-probably-binary.ts). */
#define BINARY_HEAD 8192

/* What readFiles found for a file: Verdict in src/sources/files/native-prefilter.ts. */
enum { CLEAN = 0, BINARY = 1, SCAN = 2, READ_IN_JS = 3 };

static uint8_t shift_of[1 << 16];
static int16_t ending[1 << 16];
static int16_t next_ending[MAX_NEEDLES];
static uint8_t needles[MAX_NEEDLES][M];
static int needles_set = 0;
/* The rule for the plain `moltbook` (see can_start_key). */
static int plain_needle = -1;
static uint8_t continuation[16];
static size_t continuation_length = 0;
static uint8_t decoder_start[256];

static inline unsigned block_at(const uint8_t *p) {
  uint16_t v;
  memcpy(&v, p, 2); /* one unaligned little-endian load, as the DataView read in JavaScript */
  return v;
}

/*
 * canStartKey in src/detect/match-candidate.ts, with its data from there: a plain `moltbook`
 * starts a key only if the bytes after it go on as `_sk_` or break off where a decoder takes over
 * (`%`, `\`, a quote). Most `moltbook`s in code are names (`moltbook_client`, `moltbook.example`),
 * and a file whose needles are all such names has nothing to scan.
 */
static int can_start_key(const uint8_t *data, size_t n, size_t at) {
  for (size_t j = 0; j < continuation_length; j++) {
    if (at + M + j >= n) return 0;
    uint8_t c = data[at + M + j];
    if (c != continuation[j]) return decoder_start[c];
  }
  return 1;
}

static int confirm(const uint8_t *data, size_t n, size_t end) {
  const uint8_t *start = data + end - M + 1;
  for (int k = ending[block_at(data + end - 1)]; k != -1; k = next_ending[k])
    if (memcmp(start, needles[k], M - 2) == 0)
      return k != plain_needle || can_start_key(data, n, (size_t)(start - data));
  return 0;
}

/* Whether any needle's first M bytes occur in data[0, n). See findNeedles for the reasoning. */
static int has_needle(const uint8_t *data, size_t n) {
  const uint8_t *s = shift_of;
  size_t i = M - 1;
  for (;;) {
    while (i + 7 * M < n) {
      unsigned s0 = s[block_at(data + i - 1)], s1 = s[block_at(data + i + 6)];
      unsigned s2 = s[block_at(data + i + 13)], s3 = s[block_at(data + i + 20)];
      unsigned s4 = s[block_at(data + i + 27)], s5 = s[block_at(data + i + 34)];
      unsigned s6 = s[block_at(data + i + 41)], s7 = s[block_at(data + i + 48)];
      if ((s0 & s1 & s2 & s3 & s4 & s5 & s6 & s7) == MAX_SHIFT) {
        i += 8 * MAX_SHIFT;
      } else if (s0 != MAX_SHIFT) {
        if (s0 == 0) break;
        i += s0;
      } else {
        size_t k = 1;
        while (s[block_at(data + i - 1 + MAX_SHIFT * k)] == MAX_SHIFT) k++;
        i += MAX_SHIFT * k;
      }
    }
    if (i >= n) return 0;
    unsigned si = s[block_at(data + i - 1)];
    if (si == 0) {
      if (confirm(data, n, i)) return 1;
      i++;
    } else {
      i += si;
    }
  }
}

static napi_value fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

/*
 * setNeedles(prefixes: Buffer, plainNeedle: number, continuation: Buffer, decoderStart: Buffer):
 * each needle's first M bytes one after another, then the rule for the plain `moltbook` (its index,
 * the bytes a key goes on with after it, and a 256-byte table of the bytes a decoder starts at).
 */
static napi_value set_needles(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  void *data, *cont, *starts;
  size_t length, cont_length, starts_length;
  int32_t plain;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 4 ||
      napi_get_buffer_info(env, argv[0], &data, &length) != napi_ok ||
      napi_get_value_int32(env, argv[1], &plain) != napi_ok ||
      napi_get_buffer_info(env, argv[2], &cont, &cont_length) != napi_ok ||
      napi_get_buffer_info(env, argv[3], &starts, &starts_length) != napi_ok)
    return fail(env, "setNeedles expects (Buffer, number, Buffer, Buffer)");
  size_t count = length / M;
  if (length % M != 0 || count == 0 || count > MAX_NEEDLES || plain < 0 || (size_t)plain >= count ||
      cont_length > sizeof continuation || starts_length != sizeof decoder_start)
    return fail(env, "setNeedles: 1 to 256 prefixes of 8 bytes, a plain needle among them, "
                     "a continuation of at most 16 bytes and a 256-byte table");
  memcpy(needles, data, length);
  plain_needle = plain;
  memcpy(continuation, cont, cont_length);
  continuation_length = cont_length;
  memcpy(decoder_start, starts, sizeof decoder_start);
  memset(shift_of, MAX_SHIFT, sizeof shift_of);
  memset(ending, 0xff, sizeof ending); /* -1: no needle ends with this block */
  for (size_t k = 0; k < count; k++)
    for (int j = 1; j < M; j++) {
      unsigned b = block_at(needles[k] + j - 1);
      if (shift_of[b] > M - 1 - j) shift_of[b] = M - 1 - j;
    }
  for (int k = (int)count - 1; k >= 0; k--) {
    unsigned last = block_at(needles[k] + M - 2);
    next_ending[k] = ending[last];
    ending[last] = (int16_t)k;
  }
  needles_set = 1;
  return NULL;
}

static ssize_t read_retrying(int fd, uint8_t *into, size_t count) {
  ssize_t n;
  do n = read(fd, into, count);
  while (n < 0 && errno == EINTR);
  return n;
}

/*
 * Reads one file into buf as the JavaScript reader does (src/sources/files/scan-files.ts): one read
 * of `first` bytes, and only a file that fills it is stat'ed and read on. Returns its verdict and
 * sets *size.
 */
static int read_one(const char *path, uint8_t *buf, size_t first, int64_t threshold, int64_t cap,
                    size_t *size) {
  int fd;
  do fd = open(path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return READ_IN_JS;
  int verdict = READ_IN_JS;
  ssize_t n = read_retrying(fd, buf, first);
  if (n < 0) goto done;
  if ((size_t)n == first) {
    struct stat st;
    if (fstat(fd, &st) != 0 || (cap > 0 && st.st_size > cap) || st.st_size > threshold) goto done;
    /* One byte more than the size: getting it means the file grew, which JavaScript streams. */
    size_t want = (size_t)st.st_size + 1;
    for (ssize_t r = 1; r > 0 && (size_t)n < want; n += r) {
      r = read_retrying(fd, buf + n, want - (size_t)n);
      if (r < 0) goto done;
    }
    if ((size_t)n > (size_t)st.st_size) goto done;
  }
  *size = (size_t)n;
  if (n >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) || (buf[0] == 0xfe && buf[1] == 0xff))) {
    verdict = SCAN; /* UTF-16: JavaScript decodes it */
  } else if (memchr(buf, 0, (size_t)n < BINARY_HEAD ? (size_t)n : BINARY_HEAD)) {
    verdict = BINARY;
  } else {
    verdict = n >= M && has_needle(buf, (size_t)n) ? SCAN : CLEAN;
  }
done:
  close(fd);
  return verdict;
}

/*
 * readFiles(paths: string[], from: number, buf: Buffer, first: number, threshold: number,
 *           cap: number, sizes: Float64Array, verdicts: Uint8Array): number
 *
 * Reads paths[from], paths[from + 1], … and sets sizes[i] and verdicts[i] for each, until a file
 * is SCAN (its bytes are in buf) or READ_IN_JS, or the list ends. Returns the index after the last
 * file it settled; JavaScript handles that file when its verdict asks, then calls again from there.
 */
static napi_value read_files(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 8)
    return fail(env, "readFiles expects 8 arguments");
  if (!needles_set) return fail(env, "readFiles needs setNeedles first");
  uint32_t count, from;
  void *buf_data, *sizes_data, *verdicts_data;
  size_t buf_length, sizes_length, verdicts_length;
  int64_t first, threshold, cap;
  napi_typedarray_type sizes_type, verdicts_type;
  if (napi_get_array_length(env, argv[0], &count) != napi_ok ||
      napi_get_value_uint32(env, argv[1], &from) != napi_ok ||
      napi_get_buffer_info(env, argv[2], &buf_data, &buf_length) != napi_ok ||
      napi_get_value_int64(env, argv[3], &first) != napi_ok ||
      napi_get_value_int64(env, argv[4], &threshold) != napi_ok ||
      napi_get_value_int64(env, argv[5], &cap) != napi_ok ||
      napi_get_typedarray_info(env, argv[6], &sizes_type, &sizes_length, &sizes_data, NULL,
                               NULL) != napi_ok ||
      napi_get_typedarray_info(env, argv[7], &verdicts_type, &verdicts_length, &verdicts_data,
                               NULL, NULL) != napi_ok)
    return fail(env, "readFiles: an argument has the wrong type");
  if (sizes_type != napi_float64_array || verdicts_type != napi_uint8_array ||
      sizes_length < count || verdicts_length < count || first < 1 || threshold < 0 ||
      (uint64_t)threshold >= buf_length || (uint64_t)first > buf_length)
    return fail(env, "readFiles: the buffer or the result arrays are too small");
  double *sizes = sizes_data;
  uint8_t *verdicts = verdicts_data;
  char path[PATH_MAX];
  uint32_t i = from;
  while (i < count) {
    napi_value item;
    size_t path_length = 0;
    int verdict = READ_IN_JS;
    size_t size = 0;
    if (napi_get_element(env, argv[0], i, &item) == napi_ok &&
        napi_get_value_string_utf8(env, item, path, sizeof path, &path_length) == napi_ok &&
        path_length < sizeof path - 1 && strlen(path) == path_length)
      verdict = read_one(path, buf_data, (size_t)first, threshold, cap, &size);
    sizes[i] = (double)size;
    verdicts[i] = (uint8_t)verdict;
    i++;
    if (verdict >= SCAN) break;
  }
  napi_value next;
  napi_create_uint32(env, i, &next);
  return next;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  napi_value fn, value;
  napi_create_function(env, "setNeedles", NAPI_AUTO_LENGTH, set_needles, NULL, &fn);
  napi_set_named_property(env, exports, "setNeedles", fn);
  napi_create_function(env, "readFiles", NAPI_AUTO_LENGTH, read_files, NULL, &fn);
  napi_set_named_property(env, exports, "readFiles", fn);
  napi_create_uint32(env, M, &value);
  napi_set_named_property(env, exports, "needleLength", value);
  return exports;
}
