export * from './app.mjs';
export * from './webdriver.mjs';
export * from './accessibility.mjs';
