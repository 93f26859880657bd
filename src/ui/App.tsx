export function App() {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="border-b border-slate-200 px-6 py-4 dark:border-slate-800">
        <h1 className="text-2xl font-semibold tracking-tight">FullResync Lab</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Step through how a Redis primary starts a BGSAVE to bring a replica back in sync.
        </p>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">
        <p className="text-slate-700 dark:text-slate-300">The lab is being set up.</p>
      </main>
    </div>
  );
}

export default App;
