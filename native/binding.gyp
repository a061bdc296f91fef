{
  "targets": [
    {
      "target_name": "prefilter",
      "sources": ["prefilter.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Werror"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O2", "-Wall", "-Wextra"] }
    }
  ]
}
