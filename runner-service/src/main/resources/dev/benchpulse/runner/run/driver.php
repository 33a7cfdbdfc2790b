// Benchpulse driver, passed with php -r: runs the harness file named by the first argument, or read from stdin
// (container runtimes), so opcache compiles it like any file. Reports any error as one JSON line on stdout.
fwrite(STDOUT, "{\"benchpulse\":\"started\"}\n");
$__bp_file = $argv[1] ?? null;
if ($__bp_file === null) {
    $__bp_file = tempnam(sys_get_temp_dir(), 'benchpulse-');
    file_put_contents($__bp_file, stream_get_contents(STDIN));
    register_shutdown_function(static fn () => @unlink($__bp_file));
}
$__bp_file = realpath($__bp_file) ?: $__bp_file;
$__bp_report = static function (string $kind, string $message, array $locations) use ($__bp_file): void {
    while (ob_get_level() > 0) {
        ob_end_clean();
    }
    $__bp_where = array_map(static fn (array $l) => ['line' => $l['line'] ?? 0,
        'harness' => ($l['file'] ?? '') === $__bp_file], $locations);
    fwrite(STDOUT, "\n" . json_encode(['benchpulse' => 'error', 'kind' => $kind, 'message' => $message,
        'locations' => $__bp_where], JSON_INVALID_UTF8_SUBSTITUTE) . "\n");
};
register_shutdown_function(static function () use ($__bp_report): void {
    $e = error_get_last();
    if ($e !== null && ($e['type'] & (E_ERROR | E_PARSE | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR)) !== 0) {
        $__bp_report('Fatal error', $e['message'], [$e]);
    }
});
try {
    require $__bp_file;
} catch (\Throwable $__bp_e) {
    $__bp_report(get_class($__bp_e), $__bp_e->getMessage(),
        array_merge([['file' => $__bp_e->getFile(), 'line' => $__bp_e->getLine()]], $__bp_e->getTrace()));
    exit(1);
}
