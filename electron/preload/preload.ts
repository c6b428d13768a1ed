// The sandboxed preload, bundled to CommonJS (out/preload/preload.cjs): a sandboxed renderer
// cannot load an ES module preload (docs/contributing.md). Its only job is to expose the three bridges
// (window.desk, window.deskUnlock, window.deskPrint).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridges } from './expose-bridge.js';

exposeBridges(contextBridge, ipcRenderer);
