export * from './app.mjs';
export * from './webdriver.mjs';
