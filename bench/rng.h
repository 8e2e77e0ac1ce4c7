/* rng.h - the bench generators' deterministic random numbers: a
 * splitmix64 seed and an xorshift64* stream (one stream per program). */
#ifndef HERODOTUS_BENCH_RNG_H
#define HERODOTUS_BENCH_RNG_H
#include <stdint.h>

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    rng_state = z ? z : 0x2545F4914F6CDD1Dull;
}

static uint32_t rnd32(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return (uint32_t)((x * 0x2545F4914F6CDD1Dull) >> 32);
}

/* uniform in [0, n) */
static unsigned rn(unsigned n) { return (unsigned)(((uint64_t)rnd32() * n) >> 32); }

#endif
