import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
  });

  it('names each wrong variable with what is expected', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        DEFAULT_LOCALE: 'fr',
        DEFAULT_TIME_ZONE: 'Mars/Base',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      expect(message).toContain('PORT="eighty"');
      expect(message).toContain('DATABASE_URL="mysql://x": must start with postgres://');
      expect(message).toContain('DEFAULT_LOCALE="fr": must be one of en, vi, th, lo, km, my, zh-Hans');
      expect(message).toContain('DEFAULT_TIME_ZONE="Mars/Base": must be an IANA time zone');
    }
  });

  it('refuses to start in production without BASE_URL, naming it; keeps localhost elsewhere', () => {
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', BASE_URL: '' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/BASE_URL="": must be set when NODE_ENV=production/);
    }
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://hub.example.org' }).baseUrl).toBe(
      'https://hub.example.org',
    );
    for (const NODE_ENV of ['development', 'test', undefined])
      expect(loadConfig({ NODE_ENV }).baseUrl).toBe('http://localhost:3000');
  });

  it('uses secure cookies behind an https BASE_URL and treats empty variables as unset', () => {
    const config = loadConfig({ BASE_URL: 'https://hub.example.org/', PORT: '' });
    expect(config.baseUrl).toBe('https://hub.example.org');
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(3000);
  });
});
