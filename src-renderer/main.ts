// Renderer entry: global styles and the root component.
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/global.css';
import './styles/dialog.css';
import './styles/side-panel.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app saknas i index.html');
mount(App, { target });
