import { startFirstLoad } from './app/firstRequests';
import { routeErrorText } from './shared/routeError';
import './app/global.css';
import './app/boot.css';

/*
 * The entry holds no React: it sends the first screen's requests (who is signed in, the screen's
 * chunks, the on-site screen's data; nothing for the login page) the moment it runs, while React and
 * the router (`app/mount.tsx`, preloaded by index.html) download alongside. On venue mobile data the
 * requests no longer wait for React's 80 KB to arrive and run.
 */
startFirstLoad(window.location);
import('./app/mount').catch(showLoadFailure);

/** No React to show it with: the boot error page's notice (`app/boot.tsx`, boot.css) in plain DOM. */
function showLoadFailure(error: unknown): void {
  const { title, subTitle } = routeErrorText(error);
  const notice = document.createElement('main');
  notice.className = 'boot-error';
  notice.appendChild(document.createElement('h1')).textContent = title;
  notice.appendChild(document.createElement('p')).textContent = subTitle;
  const reload = notice.appendChild(document.createElement('button'));
  reload.type = 'button';
  reload.textContent = '刷新页面';
  reload.addEventListener('click', () => window.location.reload());
  document.getElementById('root')!.replaceChildren(notice);
}
