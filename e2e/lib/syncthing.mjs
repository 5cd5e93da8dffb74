// Two Syncthing instances on 127.0.0.1 only (no discovery, no relays, no global announce),
// each with its own copy of one shared folder: the real engine that moves change files
// between two journals in the sync tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './app.mjs';

export const hasSyncthing = spawnSync('syncthing', ['--version']).status === 0;

export class Engine {
  static async create(root, name) {
    const home = join(root, `${name}-home`);
    const folder = join(root, `${name}-folder`);
    mkdirSync(join(folder, '.stfolder'), { recursive: true });
    execFileSync('syncthing', ['generate', '--no-default-folder', '--skip-port-probing', `--home=${home}`], {
      stdio: 'ignore',
    });
    const id = execFileSync('syncthing', ['serve', '--device-id', `--home=${home}`]).toString().trim();
    return new Engine(home, folder, await freePort(), id);
  }

  constructor(home, folder, port, id) {
    Object.assign(this, { home, folder, port, id, child: null });
  }

  /** Shares the folder with `other`, over loopback only, rescanning every second. */
  configure(other) {
    const device = (e, name) =>
      `<device id="${e.id}" name="${name}" compression="metadata" introducer="false">` +
      `<address>tcp://127.0.0.1:${e.port}</address></device>`;
    const config =
      `<configuration version="36">` +
      `<folder id="reciprocity" label="reciprocity" path="${this.folder}" type="sendreceive" ` +
      `rescanIntervalS="1" fsWatcherEnabled="false">` +
      `<device id="${this.id}"></device><device id="${other.id}"></device>` +
      `<minDiskFree unit="%">0</minDiskFree></folder>` +
      device(this, 'me') +
      device(other, 'them') +
      `<gui enabled="false" tls="false"><address>127.0.0.1:0</address></gui>` +
      `<options><listenAddress>tcp://127.0.0.1:${this.port}</listenAddress>` +
      `<globalAnnounceEnabled>false</globalAnnounceEnabled>` +
      `<localAnnounceEnabled>false</localAnnounceEnabled>` +
      `<relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled>` +
      `<urAccepted>-1</urAccepted><autoUpgradeIntervalH>0</autoUpgradeIntervalH>` +
      `<startBrowser>false</startBrowser><crashReportingEnabled>false</crashReportingEnabled>` +
      `<reconnectionIntervalS>1</reconnectionIntervalS>` +
      `<minHomeDiskFree unit="%">0</minHomeDiskFree></options>` +
      `</configuration>`;
    writeFileSync(join(this.home, 'config.xml'), config);
  }

  start() {
    const log = openSync(join(this.home, 'syncthing.log'), 'a');
    this.child = spawn('syncthing', ['serve', '--no-browser', '--no-restart', `--home=${this.home}`], {
      env: { ...process.env, STNOUPGRADE: '1' },
      stdio: ['ignore', log, log],
    });
  }

  /** Stops the instance (it starts again with `start`), as a paused device would be. */
  async stop() {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  log() {
    try {
      return readFileSync(join(this.home, 'syncthing.log'), 'utf8');
    } catch {
      return '';
    }
  }
}
