export * from './origin.ts';
export * from './shape.ts';
export * from './entities.ts';
export * from './schema.ts';
export * from './me.ts';
export * from './undo.ts';
export * from './watch.ts';
export * from './not-duplicates.ts';
