<?php
// Benchpulse sample harness, rendered by the runner for one sample of one benchmark and run in a fresh PHP
// process. The section marker lines (setup, code, teardown in double braces) are replaced by the benchmark's
// sections; the runner maps PHP's line numbers back to them. Variables starting with $__bp_ belong to the harness.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED); // deprecations neither fail nor print on every iteration
set_error_handler(static function (int $severity, string $message, string $file = '', int $line = 0): bool {
    if ((error_reporting() & $severity) === 0) {
        return false; // silenced with @
    }
    throw new \ErrorException($message, 0, $severity, $file, $line);
}, E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
ob_start(static fn (string $buffer): string => '', 65536); // what the benchmark prints is discarded
$__bp_warmup = {{warmupIterations}};
$__bp_inner = {{innerIterations}};
{{setup}}
for ($__bp_i = 0; $__bp_i < $__bp_warmup; ++$__bp_i) {
{{code}}
}
gc_collect_cycles();
gc_disable();
$__bp_memory = memory_get_usage();
$__bp_start = hrtime(true);
for ($__bp_i = 0; $__bp_i < $__bp_inner; ++$__bp_i) {
{{code}}
}
$__bp_elapsed = hrtime(true) - $__bp_start;
$__bp_used = memory_get_usage() - $__bp_memory;
$__bp_peak = memory_get_peak_usage();
gc_enable();
{{teardown}}
while (ob_get_level() > 0) {
    ob_end_clean();
}
$__bp_opcache = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
$__bp_jit = is_array($__bp_opcache) && isset($__bp_opcache['jit']) ? $__bp_opcache['jit'] : null;
fwrite(STDOUT, "\n" . json_encode([ // on a line of its own, whatever the benchmark wrote before
    'benchpulse' => 'result',
    'elapsedNanos' => $__bp_elapsed,
    'innerIterations' => $__bp_inner,
    'memoryUsedBytes' => $__bp_used,
    'peakMemoryBytes' => $__bp_peak,
    'phpVersion' => PHP_VERSION,
    'opcached' => function_exists('opcache_is_script_cached') && opcache_is_script_cached(__FILE__),
    'jit' => $__bp_jit !== null && !empty($__bp_jit['on']),
    'jitCodeBytes' => $__bp_jit !== null ? $__bp_jit['buffer_size'] - $__bp_jit['buffer_free'] : 0,
]) . "\n");
