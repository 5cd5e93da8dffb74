import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { api, fullFilter, isApiError } from './index';

afterEach(() => clearMocks());

describe('api', () => {
  it('sends the core’s snake_case arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [];
    });
    await api.listExchanges({ person_id: 'p1', limit: 10 });
    await api.settleExchange('e1', 'returned', '2026-03-14', 'g1');
    expect(calls[0]).toEqual(['list_exchanges', { filter: fullFilter({ person_id: 'p1', limit: 10 }) }]);
    expect(calls[1]).toEqual(['settle_exchange', { id: 'e1', settlement: 'returned', returned_by: 'g1', on: '2026-03-14' }]);
  });

  it('passes the shell’s typed error through', async () => {
    mockIPC(() => {
      throw { code: 'invalid', message: 'say what happened', field: 'what' };
    });
    const err = await api.addPerson({ name: '', relationship: 'friend', notes: '' }).catch((e) => e);
    expect(isApiError(err)).toBe(true);
    expect(err).toEqual({ code: 'invalid', message: 'say what happened', field: 'what' });
  });

  it('turns any other failure into an ApiError', async () => {
    mockIPC(() => {
      throw 'invalid args `input` for command `add_exchange`';
    });
    const err = await api.getExchange('x').catch((e) => e);
    expect(err.code).toBe('ipc');
    expect(err.message).toMatch(/invalid args/);
    expect(err.field).toBeNull();
  });
});
