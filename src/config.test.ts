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

  describe('OpenID Connect (OIDC_*)', () => {
    const oidc = {
      OIDC_ISSUER: 'https://login.example.org/realms/staff/',
      OIDC_CLIENT_ID: 'hub',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_NAME: ' Ministry of Culture account ',
    };

    it('is off when none is set, on when all four are', () => {
      expect(loadConfig({}).oidc).toBeNull();
      expect(loadConfig(oidc).oidc).toEqual({
        issuer: 'https://login.example.org/realms/staff/',
        clientId: 'hub',
        clientSecret: 'shh',
        name: 'Ministry of Culture account',
      });
    });

    it('names the missing variables when only some are set', () => {
      expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_NAME: 'x' })).toThrow(
        /OIDC_CLIENT_ID="": must be set too, since OIDC_ISSUER, OIDC_NAME are/,
      );
      expect(() => loadConfig({ OIDC_CLIENT_SECRET: 'x' })).toThrow(/OIDC_ISSUER="": must be set too/);
    });

    it.each([
      ['http://login.example.org', /OIDC_ISSUER="http:\/\/login.example.org": must start with https:\/\//],
      ['login.example.org', /OIDC_ISSUER="login.example.org": must be the identity provider's address/],
      ['https://login.example.org/?realm=x', /must not have a query/],
    ])('refuses the issuer %s', (issuer, message) => {
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER: issuer })).toThrow(message);
    });

    it('takes http only on a loopback address, and a one-line name', () => {
      for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:8080/realms/x', 'http://[::1]:9000'])
        expect(loadConfig({ ...oidc, OIDC_ISSUER: issuer }).oidc?.issuer).toBe(issuer);
      expect(() => loadConfig({ ...oidc, OIDC_NAME: 'a\nb' })).toThrow(/OIDC_NAME="a\\nb": must be one line/);
    });
  });
});
