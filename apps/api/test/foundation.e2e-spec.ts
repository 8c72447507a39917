import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { Public } from '../src/modules/auth/auth.decorators';
import { startTestApp, TestApp } from './utils';

class ProbeDto {
  @IsString() name: string;
  @IsInt() @Min(1) @Max(10) count: number;
}

@Public()
@Controller('probe')
class ProbeController {
  @Post() echo(@Body() body: ProbeDto) {
    return { got: body };
  }
  @Get('boom') boom() {
    throw new Error('secret internal detail: password=hunter2 at /srv/app.ts:42');
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP conventions (whole app, real Postgres and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, [ProbeModule]);
  });
  afterAll(async () => t?.close());

  it('wraps answers in the envelope with a request id', async () => {
    const res = await request(t.url).post('/api/probe').send({ name: 'a', count: 2 }).expect(201);
    expect(res.body).toMatchObject({ success: true, data: { got: { name: 'a', count: 2 } } });
    expect(res.body.metadata.requestId).toBe(res.headers['x-request-id']);
    expect(typeof res.body.metadata.processingTime).toBe('number');
  });

  it('rejects an unknown field with a 400 naming it', async () => {
    const res = await request(t.url).post('/api/probe').send({ name: 'a', count: 2, admin: true }).expect(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('admin');
    expect(res.body.error.details[0].field).toBe('admin');
  });

  it('rejects a wrong type with a 400 naming the field', async () => {
    const res = await request(t.url).post('/api/probe').send({ name: 'a', count: 'many' }).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('count');
    expect(res.body.error.message).toMatch(/count/);
  });

  it('answers malformed JSON and oversized bodies with 4xx envelopes', async () => {
    const bad = await request(t.url).post('/api/probe').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(bad.body.error.code).toBe('MALFORMED_BODY');
    const big = await request(t.url).post('/api/probe').send({ name: 'x'.repeat(2 * 1024 * 1024), count: 1 }).expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives unknown routes a 404 envelope', async () => {
    const res = await request(t.url).get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('gives a thrown error a 500 envelope without internals', async () => {
    const res = await request(t.url).get('/api/probe/boom').expect(500);
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|app\.ts|stack/);
  });

  it('sets security headers and limits CORS to the SPA origin', async () => {
    const res = await request(t.url).get('/health/live').set('origin', 'https://evil.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const ok = await request(t.url).get('/health/live').set('origin', t.config.webOrigin).expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe(t.config.webOrigin);
  });

  it('reports readiness of each dependency', async () => {
    const res = await request(t.url).get('/health/ready').expect(200);
    expect(res.body.data.status).toBe('ok');
    expect(res.body.data.dependencies.postgres.status).toBe('up');
    expect(res.body.data.dependencies.redis.status).toBe('up');
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const res = await request(t.url).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/ready']));
    await request(t.url).get('/api/docs').expect(200);
  });
});
